'use strict';
const EventEmitter = require('events').EventEmitter;
const crypto = require('crypto');
const url = require('url');
const http = require('http');
const https = require('https');

class WebSocketClient extends EventEmitter {
    constructor(config) {
        super();
        this.config = Object.assign({ maxReceivedFrameSize: 0x100000, maxReceivedMessageSize: 0x800000, webSocketVersion: 13 }, config);
    }
    connect(requestUrl, protocols, origin, headers) {
        this.url = url.parse(requestUrl);
        const secure = this.url.protocol === 'wss:';
        const nonce = crypto.randomBytes(16).toString('base64');
        const req = (secure ? https : http).request({
            hostname: this.url.hostname, port: this.url.port || (secure ? 443 : 80), path: this.url.path,
            headers: Object.assign({ Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': nonce }, headers)
        });
        req.on('upgrade', (res, socket) => {
            const expected = crypto.createHash('sha1').update(nonce + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
            if (res.headers['sec-websocket-accept'] !== expected) return this.emit('connectFailed', new Error('Sec-WebSocket-Accept mismatch'));
            this.emit('connect', socket);
        });
        req.on('error', (e) => this.emit('connectFailed', e));
        req.end();
    }
}
module.exports = WebSocketClient;
