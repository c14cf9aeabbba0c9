'use strict';
const Server = require('./lib/server');
const Client = require('./lib/client');
const { socketPath } = require('./lib/dao/socket-path');
const spec = require('./lib/geo-spec');

const defaults = {
  appspace: 'app.',
  socketRoot: null,
  id: process.pid,
  networkHost: '127.0.0.1',
  retry: 500,
  maxRetries: Infinity,
  silent: true,
};

class IPC {
  constructor() {
    this.config = Object.assign({}, defaults);
    this.of = {};
    this.server = null;
  }

  serve(path, cb) {
    const p = path || socketPath(this.config.appspace, this.config.id, this.config.socketRoot);
    this.server = new Server(p, this.config);
    if (cb) this.server.on('start', cb);
    return this.server;
  }

  serveNet(port, cb) {
    this.server = new Server(port || 8000, this.config);
    if (cb) this.server.on('start', cb);
    return this.server;
  }

  connectTo(id, path, cb) {
    const p = path || socketPath(this.config.appspace, id, this.config.socketRoot);
    this.of[id] = new Client(p, this.config).connect();
    if (cb) cb();
    return this.of[id];
  }

  disconnect(id) {
    if (this.of[id]) {
      this.of[id].config.maxRetries = false;
      this.of[id].socket.end();
      delete this.of[id];
    }
  }
}

spec();

module.exports = new IPC();
module.exports.IPC = IPC;
