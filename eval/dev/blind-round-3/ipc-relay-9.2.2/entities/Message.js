'use strict';
class Message {
  constructor() { this.type = ''; this.data = {}; }
  get JSON() { return JSON.stringify({ type: this.type, data: this.data }); }
  load(message) {
    let m = message;
    try { if (typeof message === 'string') m = JSON.parse(message); } catch (e) { throw new Error('invalid ipc message: ' + message); }
    this.type = m.type; this.data = m.data;
    return this;
  }
}
module.exports = Message;
