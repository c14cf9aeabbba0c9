'use strict';
const net = require('net');
const tls = require('tls');
const { EventEmitter } = require('events');
const Parser = require('../entities/EventParser');
const Message = require('../entities/Message');

class Client extends EventEmitter {
  constructor(config, log) {
    super();
    this.config = config; this.log = log;
    this.queue = []; this.retriesRemaining = config.maxRetries || 0;
    this.explicitlyDisconnected = false; this.ipcBuffer = '';
    this.parser = new Parser(config);
  }
  connect() {
    const client = this;
    let options = {};
    if (!client.port) {
      client.log('Connecting client on Unix Socket :', client.path);
      options.path = client.path;
      if (process.platform === 'win32' && !client.path.startsWith('\\\\.\\pipe\\')) {
        options.path = options.path.replace(/^\//, '').replace(/\//g, '-');
        options.path = `\\\\.\\pipe\\${options.path}`;
      }
      client.socket = net.connect(options);
    } else {
      options.host = client.host; options.port = client.port;
      if (client.config.interfaces.localAddress) options.localAddress = client.config.interfaces.localAddress;
      client.socket = client.config.tls ? tls.connect(Object.assign(options, client.config.tls)) : net.connect(options);
    }
    client.socket.setEncoding(this.config.encoding);
    client.socket.on('error', err => { client.log('\n\n######\nerror: ', err); client.emit('error', err); });
    client.socket.on('connect', () => { client.emit('connect'); client.retriesRemaining = client.config.maxRetries; client.flush(); });
    client.socket.on('close', () => {
      if (client.explicitlyDisconnected || client.retriesRemaining < 1) { client.emit('destroy'); return; }
      setTimeout(() => { client.retriesRemaining--; client.connect(); }, client.config.retry);
      client.emit('disconnect');
    });
    client.socket.on('data', data => {
      client.ipcBuffer += data;
      if (client.ipcBuffer.slice(-1) !== client.config.delimiter) return;
      const events = client.parser.parse(client.ipcBuffer);
      client.ipcBuffer = '';
      for (const raw of events) {
        const message = new Message().load(raw);
        client.emit(message.type, message.data);
      }
    });
  }
  emitEvent(type, data) {
    const message = new Message(); message.type = type; message.data = data;
    this.queue.push(this.parser.format(message));
    this.flush();
  }
  flush() {
    if (!this.socket || this.socket.connecting) return;
    while (this.queue.length) this.socket.write(this.queue.shift());
  }
  disconnect() { this.explicitlyDisconnected = true; if (this.socket) this.socket.destroy(); }
}
module.exports = Client;
