'use strict';
const net = require('net');
const { EventEmitter } = require('events');
const { encode, createParser } = require('./dao/message');

class Client extends EventEmitter {
  constructor(target, config) {
    super();
    this.target = target;
    this.config = config;
    this.retries = 0;
  }

  connect() {
    const opts = typeof this.target === 'number' ? { port: this.target, host: this.config.networkHost } : { path: this.target };
    this.socket = net.connect(opts, () => { this.retries = 0; this.emit('connect'); });
    this.socket.setEncoding('utf8');
    this.socket.on('data', createParser((type, data) => this.emit(type, data)));
    this.socket.on('error', (err) => this.emit('error', err));
    this.socket.on('close', () => {
      this.emit('disconnect');
      if (this.config.maxRetries === false || this.retries >= this.config.maxRetries) return;
      this.retries++;
      setTimeout(() => this.connect(), this.config.retry);
    });
    return this;
  }

  emitTo(type, data) {
    this.socket.write(encode(type, data));
  }
}

module.exports = Client;
