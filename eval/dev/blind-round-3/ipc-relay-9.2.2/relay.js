'use strict';
const Defaults = require('./entities/Defaults');
const Client = require('./dao/client');
const Server = require('./dao/server');
const util = require('util');

class Relay {
  constructor() {
    this.config = new Defaults();
    this.of = {};
    this.server = false;
  }
  get log() {
    const cfg = this.config;
    return (...args) => {
      if (cfg.silent) return;
      const out = args.map(a => (typeof a === 'object' ? util.inspect(a, { depth: cfg.logDepth, colors: cfg.logInColor }) : a));
      console.log(out.join(''));
    };
  }
  connectTo(id, path, callback) {
    if (typeof path === 'function') { callback = path; path = false; }
    if (!path) path = this.config.socketRoot + this.config.appspace + id;
    if (this.of[id]) { if (!this.of[id].socket.destroyed) { this.log('Already connected to', id); if (callback) callback(); return; } this.of[id].socket.destroy(); }
    const client = new Client(this.config, this.log);
    client.id = id; client.path = path;
    this.of[id] = client;
    client.connect();
    if (callback) callback();
  }
  connectToNet(id, host, port, callback) {
    if (typeof host === 'number') { callback = port; port = host; host = false; }
    if (!host) host = this.config.networkHost;
    if (!port) port = this.config.networkPort;
    const client = new Client(this.config, this.log);
    client.id = id; client.host = host; client.port = port; client.path = host;
    this.of[id] = client;
    client.connect();
    if (callback) callback();
  }
  disconnect(id) { if (!this.of[id]) return; this.of[id].explicitlyDisconnected = true; this.of[id].disconnect(); delete this.of[id]; }
  serve(path, callback) {
    if (typeof path === 'function') { callback = path; path = false; }
    if (!path) path = this.config.socketRoot + this.config.appspace + this.config.id;
    this.server = new Server(path, this.config, this.log);
    if (callback) this.server.on('start', callback);
    return this.server;
  }
  serveNet(host, port, UDPType, callback) {
    if (typeof host === 'number') { callback = UDPType; UDPType = port; port = host; host = false; }
    if (!host) host = this.config.networkHost;
    if (!port) port = this.config.networkPort;
    this.server = new Server(host, this.config, this.log, port);
    if (UDPType) this.server.udp = UDPType;
    if (callback) this.server.on('start', callback);
    return this.server;
  }
}

// tls relays need the certificate spec loaded eagerly (ESM module)
import('./dao/ssl-geospec.js').catch(() => {});

module.exports = new Relay();
module.exports.Relay = Relay;
