'use strict';
const net = require('net');
const fs = require('fs');
const { EventEmitter } = require('events');
const { encode, createParser } = require('./dao/message');

class Server extends EventEmitter {
  constructor(socketPath, config) {
    super();
    this.path = socketPath;
    this.config = config;
    this.sockets = new Set();
  }

  start() {
    if (typeof this.path === 'string' && process.platform !== 'win32') {
      try { fs.unlinkSync(this.path); } catch (e) {}
    }
    this.server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.setEncoding('utf8');
      socket.on('data', createParser((type, data) => this.emit(type, data, socket)));
      socket.on('close', () => { this.sockets.delete(socket); this.emit('socket.disconnected', socket); });
      this.emit('connect', socket);
    });
    const target = typeof this.path === 'number' ? [this.path, this.config.networkHost] : [this.path];
    this.server.listen(...target, () => this.emit('start'));
    return this;
  }

  emitTo(socket, type, data) {
    socket.write(encode(type, data));
  }

  broadcast(type, data) {
    for (const s of this.sockets) s.write(encode(type, data));
  }

  stop() {
    for (const s of this.sockets) s.destroy();
    if (this.server) this.server.close();
  }
}

module.exports = Server;
