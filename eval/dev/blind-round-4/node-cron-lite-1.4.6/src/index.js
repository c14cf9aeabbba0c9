'use strict';
const { parse, next } = require('./expr');
const heartbeat = require('./heartbeat');

class Job {
  constructor(expr, fn) { this.fields = parse(expr); this.fn = fn; this.timer = null; }
  start() {
    const at = next(this.fields, new Date());
    this.timer = setTimeout(() => { try { this.fn(); } finally { this.start(); } }, Math.max(0, at - Date.now()));
    if (this.timer.unref) this.timer.unref();
    return this;
  }
  stop() { clearTimeout(this.timer); }
}
function schedule(expr, fn) { heartbeat.arm(); return new Job(expr, fn).start(); }
module.exports = { schedule, Job };
