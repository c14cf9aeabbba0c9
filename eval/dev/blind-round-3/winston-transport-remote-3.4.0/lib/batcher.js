'use strict';
const { EventEmitter } = require('events');
class Batcher extends EventEmitter {
  constructor({ maxItems = 100, maxBytes = 512 * 1024, intervalMs = 2000 } = {}) {
    super();
    this.maxItems = maxItems; this.maxBytes = maxBytes; this.intervalMs = intervalMs;
    this.items = []; this.bytes = 0; this.timer = null;
  }
  push(line) {
    this.items.push(line); this.bytes += Buffer.byteLength(line);
    if (this.items.length >= this.maxItems || this.bytes >= this.maxBytes) return this.flush();
    if (!this.timer) { this.timer = setTimeout(() => this.flush(), this.intervalMs); if (this.timer.unref) this.timer.unref(); }
  }
  flush() {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (!this.items.length) return;
    const batch = this.items; this.items = []; this.bytes = 0;
    this.emit('batch', batch);
  }
}
module.exports = Batcher;
