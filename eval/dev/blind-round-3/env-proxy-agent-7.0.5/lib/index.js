'use strict';
const net = require('net');
const tls = require('tls');
const http = require('http');
const { URL } = require('url');

function getEnv(name) { return process.env[name.toLowerCase()] || process.env[name.toUpperCase()] || ''; }

function shouldProxy(hostname, port) {
  const noProxy = getEnv('no_proxy');
  if (!noProxy) return true;
  if (noProxy === '*') return false;
  return noProxy.split(/[,\s]+/).filter(Boolean).every(entry => {
    const [host, p] = entry.split(':');
    if (p && Number(p) !== Number(port)) return true;
    const h = host.replace(/^\*?\./, '');
    return !(hostname === h || hostname.endsWith('.' + h));
  });
}

function proxyFor(targetUrl) {
  const u = new URL(targetUrl);
  const port = u.port || (u.protocol === 'https:' ? 443 : 80);
  if (!shouldProxy(u.hostname, port)) return null;
  const p = u.protocol === 'https:' ? (getEnv('https_proxy') || getEnv('all_proxy')) : (getEnv('http_proxy') || getEnv('all_proxy'));
  return p ? new URL(p.includes('://') ? p : 'http://' + p) : null;
}

class EnvProxyAgent extends http.Agent {
  constructor(opts = {}) { super(Object.assign({ keepAlive: true }, opts)); this.opts = opts; }
  createConnection(options, cb) {
    const target = `${options.protocol === 'https:' || options.secureEndpoint ? 'https' : 'http'}://${options.host}:${options.port}`;
    const proxy = proxyFor(target);
    if (!proxy) {
      const sock = options.secureEndpoint ? tls.connect(Object.assign({}, options, { servername: options.host })) : net.connect(options);
      return cb(null, sock);
    }
    const proxySock = net.connect({ host: proxy.hostname, port: Number(proxy.port) || 8080 });
    const headers = [`CONNECT ${options.host}:${options.port} HTTP/1.1`, `Host: ${options.host}:${options.port}`];
    if (proxy.username) {
      const cred = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers.push(`Proxy-Authorization: Basic ${Buffer.from(cred).toString('base64')}`);
    }
    proxySock.once('connect', () => proxySock.write(headers.join('\r\n') + '\r\n\r\n'));
    let buf = '';
    const onData = chunk => {
      buf += chunk.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      proxySock.removeListener('data', onData);
      const status = Number(buf.split(' ')[1]);
      if (status !== 200) { proxySock.destroy(); return cb(new Error(`proxy CONNECT failed: ${status}`)); }
      if (!options.secureEndpoint) return cb(null, proxySock);
      cb(null, tls.connect({ socket: proxySock, servername: options.host, rejectUnauthorized: this.opts.rejectUnauthorized !== false }));
    };
    proxySock.on('data', onData);
    proxySock.once('error', cb);
  }
}
module.exports = { EnvProxyAgent, proxyFor, shouldProxy };
