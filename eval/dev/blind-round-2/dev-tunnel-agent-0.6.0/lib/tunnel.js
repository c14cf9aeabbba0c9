'use strict';
const net = require('net');
const axios = require('axios');
const { EventEmitter } = require('events');
const debug = require('debug')('dev-tunnel');

class TunnelCluster extends EventEmitter {
  constructor(opts) { super(); this.opts = opts; }
  open() {
    const { remoteIp, remoteHost, remotePort, localHost, localPort } = this.opts;
    const remote = net.connect({ host: remoteIp || remoteHost, port: remotePort });
    remote.setKeepAlive(true);
    remote.on('error', (err) => { debug('remote error %s', err.message); remote.end(); });
    remote.once('connect', () => {
      this.emit('open', remote);
      const local = net.connect({ host: localHost, port: localPort });
      local.once('error', (err) => { debug('local error %s', err.message); remote.end(); });
      local.once('connect', () => { remote.pipe(local).pipe(remote); });
      local.once('close', () => { remote.removeAllListeners('close'); this.emit('dead'); });
    });
    remote.once('close', () => this.emit('dead'));
  }
}

class Tunnel extends EventEmitter {
  constructor(opts) { super(); this.opts = opts; this.closed = false; }
  async init() {
    const base = this.opts.host.replace(/\/$/, '');
    const uri = base + '/' + (this.opts.subdomain || '?new');
    const { data } = await axios.get(uri, { timeout: 10000 });
    if (data.message && !data.port) throw new Error(`tunnel server: ${data.message}`);
    this.url = data.url;
    this.clusterOpts = { remoteHost: new URL(base).hostname, remoteIp: data.ip, remotePort: data.port, localHost: this.opts.localHost, localPort: this.opts.port };
    const max = data.max_conn_count || 10;
    for (let i = 0; i < max; i++) this._spawn();
    return this;
  }
  _spawn() {
    if (this.closed) return;
    const c = new TunnelCluster(this.clusterOpts);
    c.once('dead', () => setTimeout(() => this._spawn(), 1000));
    c.on('error', (e) => this.emit('error', e));
    c.open();
  }
  close() { this.closed = true; this.emit('close'); }
}

async function openTunnel(opts) { return new Tunnel(opts).init(); }
module.exports = { openTunnel, Tunnel };
