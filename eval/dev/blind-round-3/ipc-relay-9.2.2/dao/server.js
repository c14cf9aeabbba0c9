'use strict';
const net = require('net');
const fs = require('fs');
const dgram = require('dgram');
const { EventEmitter } = require('events');
const Parser = require('../entities/EventParser');
const Message = require('../entities/Message');

class Server extends EventEmitter {
  constructor(path, config, log, port) {
    super();
    this.config = config; this.path = path; this.port = port; this.log = log;
    this.sockets = []; this.udp4 = false; this.udp6 = false; this.parser = new Parser(config);
  }
  broadcast(type, data) {
    const message = new Message(); message.type = type; message.data = data;
    const out = this.parser.format(message);
    for (const s of this.sockets) s.write(out);
  }
  emitTo(socket, type, data) {
    const message = new Message(); message.type = type; message.data = data;
    socket.write(this.parser.format(message));
  }
  start() {
    if (!this.path) { this.log('Socket Server Path not specified, refusing to start'); return; }
    if (this.config.unlink) { try { fs.unlinkSync(this.path); } catch (e) { /* not present */ } }
    this.server = net.createServer(socket => {
      socket.setEncoding(this.config.encoding);
      let buffer = '';
      socket.on('data', data => {
        buffer += data;
        if (buffer.slice(-1) !== this.config.delimiter) return;
        for (const raw of this.parser.parse(buffer)) {
          const message = new Message().load(raw);
          this.emit(message.type, message.data, socket);
        }
        buffer = '';
      });
      socket.on('close', () => { this.sockets = this.sockets.filter(s => s !== socket); this.emit('socket.disconnected', socket); });
      this.sockets.push(socket);
      this.emit('connect', socket);
    });
    this.server.maxConnections = this.config.maxConnections;
    if (!this.port) this.server.listen(this.path, () => this.emit('start'));
    else this.server.listen(this.port, this.path, () => this.emit('start'));
  }
  startUDP(type) {
    this.server = dgram.createSocket(type);
    this.server.on('message', (data, remote) => {
      for (const raw of this.parser.parse(data.toString())) {
        const message = new Message().load(raw);
        this.emit(message.type, message.data, remote);
      }
    });
    this.server.bind(this.port, this.path);
  }
  stop() { if (this.server) this.server.close(); }
}
module.exports = Server;
