'use strict';
const net = require('net'), EventEmitter = require('events');
class IPC extends EventEmitter {
  constructor() { super(); this.config = { appspace: 'app.', socketRoot: '/tmp/', retry: 500 }; this.of = {}; }
  serve(path, cb) { this.server = net.createServer(s => { s.on('data', d => this.emit('message', d.toString(), s)); }); this.server.listen(path || this.config.socketRoot + this.config.appspace + 'ipc', cb); return this; }
  connectTo(id, path, cb) { const c = net.connect(path || this.config.socketRoot + this.config.appspace + id, cb); this.of[id] = c; return c; }
}
module.exports = IPC;
