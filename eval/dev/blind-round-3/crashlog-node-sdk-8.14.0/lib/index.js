'use strict';
const os = require('os');
const https = require('https');
const { URL } = require('url');
const { scrubObject, scrubString } = require('./scrub');

let client = null;

function parseDsn(dsn) {
  const u = new URL(dsn);
  return { key: u.username, host: u.host, projectId: u.pathname.replace(/^\//, ''), endpoint: `https://${u.host}/api/${u.pathname.replace(/^\//, '')}/store/` };
}

function parseStack(err) {
  return String(err && err.stack || '').split('\n').slice(1).map(l => {
    const m = /at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(l.trim());
    return m ? { function: m[1] || '<anonymous>', filename: m[2], lineno: +m[3], colno: +m[4], in_app: !m[2].includes('node_modules') } : null;
  }).filter(Boolean).reverse();
}

class Client {
  constructor(opts) {
    if (!opts.dsn) throw new Error('crashlog: dsn is required');
    this.dsn = parseDsn(opts.dsn);
    this.opts = Object.assign({ environment: process.env.NODE_ENV || 'production', sendDefaultPii: false, maxBreadcrumbs: 50, sampleRate: 1 }, opts);
    this.breadcrumbs = [];
  }
  addBreadcrumb(b) { this.breadcrumbs.push(Object.assign({ timestamp: Date.now() / 1000 }, b)); if (this.breadcrumbs.length > this.opts.maxBreadcrumbs) this.breadcrumbs.shift(); }
  context() {
    const ctx = {
      os: { name: os.type(), version: os.release() },
      runtime: { name: 'node', version: process.version },
      app: { app_start_time: new Date(Date.now() - process.uptime() * 1000).toISOString() },
      device: { arch: os.arch(), memory_size: os.totalmem(), free_memory: os.freemem(), boot_time: new Date(Date.now() - os.uptime() * 1000).toISOString() }
    };
    if (this.opts.sendDefaultPii) ctx.device.name = os.hostname();
    if (this.opts.includeEnv) ctx.env = scrubObject(Object.fromEntries(this.opts.includeEnv.map(k => [k, process.env[k]])));
    return ctx;
  }
  captureException(err, extra = {}) {
    if (Math.random() > this.opts.sampleRate) return null;
    let event = {
      event_id: require('crypto').randomUUID().replace(/-/g, ''),
      timestamp: Date.now() / 1000, platform: 'node', level: 'error',
      environment: this.opts.environment, release: this.opts.release,
      exception: { values: [{ type: err && err.name || 'Error', value: scrubString(err && err.message || String(err)), stacktrace: { frames: parseStack(err) } }] },
      breadcrumbs: this.breadcrumbs.slice(), contexts: this.context(), extra: scrubObject(extra)
    };
    if (this.opts.beforeSend) event = this.opts.beforeSend(event);
    if (!event) return null;
    this.send(event);
    return event.event_id;
  }
  send(event) {
    const body = JSON.stringify(event);
    const u = new URL(this.dsn.endpoint);
    const req = https.request({ hostname: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-crashlog-auth': `Crashlog crashlog_version=7, crashlog_key=${this.dsn.key}, crashlog_client=crashlog-node/8.14.0` } });
    req.on('error', () => {});
    req.end(body);
  }
}

function init(opts) {
  client = new Client(opts);
  if (opts.autoSessionTracking !== false) {
    process.on('uncaughtException', err => { client.captureException(err, { mechanism: 'uncaughtException' }); setTimeout(() => process.exit(1), 2000); });
    process.on('unhandledRejection', reason => client.captureException(reason instanceof Error ? reason : new Error(String(reason)), { mechanism: 'unhandledRejection' }));
  }
  return client;
}
module.exports = { init, captureException: (e, x) => client && client.captureException(e, x), addBreadcrumb: b => client && client.addBreadcrumb(b), parseDsn };
