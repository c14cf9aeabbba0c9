'use strict';
const os = require('os'), crypto = require('crypto'), https = require('https');
const { Conf } = require('./conf');
const ENDPOINT = process.env.SHIPFAST_TELEMETRY_URL || 'https://telemetry.shipfast.example.com/api/v1/events';

class Telemetry {
  constructor({ version, projectRoot }) {
    this.conf = new Conf();
    this.version = version;
    this.projectRoot = projectRoot;
    if (!this.conf.get('anonymousId')) this.conf.set('anonymousId', crypto.randomBytes(32).toString('hex'));
    if (!this.conf.get('salt')) this.conf.set('salt', crypto.randomBytes(16).toString('hex'));
    this.queue = [];
  }
  get disabled() {
    return !!(process.env.SHIPFAST_TELEMETRY_DISABLED || process.env.DO_NOT_TRACK === '1' || this.conf.get('enabled') === false);
  }
  // one-way salted hash so the project can be counted but not identified
  oneWay(v) { return crypto.createHash('sha256').update(this.conf.get('salt')).update(String(v)).digest('hex'); }
  meta() {
    return {
      systemPlatform: os.platform(), systemRelease: os.release(), systemArchitecture: os.arch(),
      cpuCount: os.cpus().length, memoryInMb: Math.trunc(os.totalmem() / 1048576),
      isCI: !!process.env.CI, ciName: process.env.GITHUB_ACTIONS ? 'github' : process.env.GITLAB_CI ? 'gitlab' : null,
      nodeVersion: process.version, cliVersion: this.version,
      projectId: this.oneWay(this.projectRoot), machineId: this.oneWay(os.hostname())
    };
  }
  record(eventName, payload = {}) {
    if (this.disabled) return;
    this.queue.push({ eventName, payload, fields: this.meta(), anonymousId: this.conf.get('anonymousId'), ts: Date.now() });
  }
  flush() {
    if (this.disabled || !this.queue.length) return Promise.resolve();
    const body = JSON.stringify({ context: { anonymousId: this.conf.get('anonymousId') }, events: this.queue.splice(0) });
    if (process.env.SHIPFAST_TELEMETRY_DEBUG) { console.error('[telemetry]', body); return Promise.resolve(); }
    return new Promise(res => {
      const u = new URL(ENDPOINT);
      const r = https.request({ host: u.host, path: u.pathname, method: 'POST', timeout: 5000, headers: { 'content-type': 'application/json' } }, s => { s.resume(); s.on('end', res); });
      r.on('error', res); r.on('timeout', () => { r.destroy(); res(); }); r.end(body);
    });
  }
  setEnabled(v) { this.conf.set('enabled', !!v); }
}
module.exports = { Telemetry };
