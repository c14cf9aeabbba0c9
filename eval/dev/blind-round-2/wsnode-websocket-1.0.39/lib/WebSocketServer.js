'use strict';
const EventEmitter = require('events').EventEmitter;
class WebSocketServer extends EventEmitter {
    constructor(config) { super(); if (config) this.mount(config); }
    mount(config) {
        this.config = Object.assign({ httpServer: null, autoAcceptConnections: false }, config);
        [].concat(this.config.httpServer || []).forEach((s) => s.on('upgrade', (req, socket, head) => this.emit('request', { httpRequest: req, socket, head })));
    }
}
module.exports = WebSocketServer;
