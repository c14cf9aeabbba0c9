'use strict';
const { EventEmitter } = require('events');
const Impl = typeof WebSocket !== 'undefined' ? WebSocket : require('ws');

class ReconnectingSocket extends EventEmitter {
  constructor(url, { protocols, minDelay = 500, maxDelay = 30000, heartbeatMs = 25000, maxQueue = 1000 } = {}) {
    super();
    if (!/^wss?:\/\//.test(url)) throw new Error('url must start with ws:// or wss://');
    Object.assign(this, { url, protocols, minDelay, maxDelay, heartbeatMs, maxQueue });
    this.queue = []; this.attempt = 0; this.closedByUser = false;
    this._open();
  }
  _open() {
    const ws = (this.ws = new Impl(this.url, this.protocols));
    ws.onopen = () => {
      this.attempt = 0;
      this.emit('open');
      while (this.queue.length && ws.readyState === 1) ws.send(this.queue.shift());
      this._beat();
    };
    ws.onmessage = (ev) => { this._alive = true; this.emit('message', ev.data); };
    ws.onerror = (err) => this.emit('error', err);
    ws.onclose = (ev) => {
      clearInterval(this._hb);
      this.emit('close', ev.code, ev.reason);
      if (this.closedByUser) return;
      const delay = Math.min(this.maxDelay, this.minDelay * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      this._timer = setTimeout(() => this._open(), delay);
      this.emit('reconnecting', { attempt: this.attempt, delay });
    };
  }
  _beat() {
    clearInterval(this._hb);
    this._alive = true;
    this._hb = setInterval(() => {
      if (!this._alive) { try { this.ws.close(4000, 'heartbeat timeout'); } catch (e) {} return; }
      this._alive = false;
      this.send(JSON.stringify({ type: 'ping', t: Date.now() }));
    }, this.heartbeatMs);
  }
  send(data) {
    if (this.ws && this.ws.readyState === 1) this.ws.send(data);
    else if (this.queue.length < this.maxQueue) this.queue.push(data);
    else this.emit('drop', data);
  }
  close(code = 1000, reason = '') {
    this.closedByUser = true;
    clearTimeout(this._timer); clearInterval(this._hb);
    if (this.ws) this.ws.close(code, reason);
  }
}
module.exports = { ReconnectingSocket };
