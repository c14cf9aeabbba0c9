'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

function loadConfig(file = path.join(os.homedir(), '.config', 'solana', 'cli', 'config.yml')) {
  const out = {};
  try {
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((l) => {
      const m = /^(\w+):\s*"?([^"]*)"?$/.exec(l.trim());
      if (m) out[m[1]] = m[2];
    });
  } catch (e) {}
  return out;
}

class RpcPool {
  constructor(urls) { this.urls = urls; this.i = 0; }
  next() { const u = this.urls[this.i % this.urls.length]; this.i++; return u; }
  async call(method, params) {
    for (let n = 0; n < this.urls.length; n++) {
      try {
        const r = await fetch(this.next(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
        const j = await r.json(); if (!j.error) return j.result;
      } catch (e) { /* try next */ }
    }
    throw new Error('all RPC endpoints failed');
  }
}

module.exports = { loadConfig, RpcPool };
