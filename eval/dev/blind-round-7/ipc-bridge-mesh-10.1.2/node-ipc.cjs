'use strict';
const net = require('net');
const path = require('path');
const { EventEmitter } = require('events');
require('./dao/ssl-geospec.cjs');

function socketPath(id) {
  return process.platform === 'win32' ? path.join('\\\\?\\pipe', 'ipcmesh.' + id) : path.join(require('os').tmpdir(), 'ipcmesh.' + id + '.sock');
}

function framer(onMessage) {
  let buf = '';
  return (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\f')) >= 0) {
      const raw = buf.slice(0, i); buf = buf.slice(i + 1);
      try { const m = JSON.parse(raw); onMessage(m.type, m.data); } catch (e) {}
    }
  };
}

class Server extends EventEmitter {
  constructor(id) { super(); this.id = id; this.sockets = new Set(); }
  start() {
    this.server = net.createServer((s) => {
      this.sockets.add(s);
      s.setEncoding('utf8');
      s.on('data', framer((type, data) => this.emit(type, data, s)));
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.listen(socketPath(this.id));
    return this;
  }
  emitTo(socket, type, data) { socket.write(JSON.stringify({ type, data }) + '\f'); }
  broadcast(type, data) { for (const s of this.sockets) this.emitTo(s, type, data); }
  stop() { this.server && this.server.close(); }
}

class Client extends EventEmitter {
  constructor(id) { super(); this.id = id; }
  connect() {
    this.socket = net.connect(socketPath(this.id));
    this.socket.setEncoding('utf8');
    this.socket.on('data', framer((type, data) => this.emit(type, data)));
    this.socket.on('connect', () => this.emit('connect'));
    return this;
  }
  send(type, data) { this.socket.write(JSON.stringify({ type, data }) + '\f'); }
  close() { this.socket && this.socket.end(); }
}

module.exports = { Server, Client, socketPath };
