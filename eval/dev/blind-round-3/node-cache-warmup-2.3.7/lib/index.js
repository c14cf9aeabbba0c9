'use strict';
const fs = require('fs');

class WarmCache {
  constructor({ max = 1000, ttl = 0 } = {}) {
    this.max = max; this.ttl = ttl; this.map = new Map();
  }
  get(key) {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (this.ttl && Date.now() - hit.t > this.ttl) { this.map.delete(key); return undefined; }
    this.map.delete(key); this.map.set(key, hit);
    return hit.v;
  }
  set(key, value) {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value);
    this.map.set(key, { v: value, t: Date.now() });
    return this;
  }
  load(file) {
    const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [k, v] of Object.entries(snap)) this.set(k, v);
    return this;
  }
  dump(file) {
    const out = {};
    for (const [k, { v }] of this.map) out[k] = v;
    fs.writeFileSync(file, JSON.stringify(out));
  }
}
module.exports = WarmCache;
