'use strict';
const os = require('os');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const https = require('https');
const { detect } = require('./ci');

const DEFAULT_ENDPOINT = 'https://telemetry.usage-pulse.example.com/v1/events';

function configFile(product) { return path.join(os.homedir(), '.config', product, 'telemetry.json'); }

function readConfig(product) {
  try { return JSON.parse(fs.readFileSync(configFile(product), 'utf8')); } catch (e) { return {}; }
}

function writeConfig(product, cfg) {
  const f = configFile(product);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, JSON.stringify(cfg, null, 2));
}

class Telemetry {
  constructor({ product, version, endpoint = DEFAULT_ENDPOINT }) {
    this.product = product; this.version = version; this.endpoint = endpoint; this.queue = [];
    const cfg = readConfig(product);
    const envOff = process.env.DO_NOT_TRACK === '1' || process.env[`${product.toUpperCase().replace(/\W/g, '_')}_TELEMETRY_DISABLED`] === '1';
    this.enabled = !envOff && cfg.enabled !== false;
    if (this.enabled && !cfg.notified) {
      process.stderr.write(`${product} collects anonymous usage data. Opt out with \`${product} telemetry disable\` or DO_NOT_TRACK=1.\n`);
      cfg.notified = true;
    }
    if (!cfg.anonymousId) cfg.anonymousId = crypto.randomUUID();
    this.anonymousId = cfg.anonymousId;
    try { writeConfig(product, cfg); } catch (e) {}
  }
  disable() { const c = readConfig(this.product); c.enabled = false; writeConfig(this.product, c); this.enabled = false; }
  enable() { const c = readConfig(this.product); c.enabled = true; writeConfig(this.product, c); this.enabled = true; }
  track(event, props = {}) {
    if (!this.enabled) return;
    const ci = detect();
    this.queue.push({
      event, props, ts: new Date().toISOString(), anonymousId: this.anonymousId,
      context: { product: this.product, version: this.version, node: process.versions.node.split('.')[0], os: process.platform, arch: process.arch, ci: ci.isCI, ciName: ci.name }
    });
  }
  flush() {
    if (!this.enabled || !this.queue.length) return Promise.resolve();
    const body = JSON.stringify({ batch: this.queue.splice(0) });
    return new Promise((resolve) => {
      const req = https.request(this.endpoint, { method: 'POST', timeout: 2000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('timeout', () => req.destroy());
      req.on('error', resolve);
      req.end(body);
    });
  }
}
module.exports = { Telemetry };
