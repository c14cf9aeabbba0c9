'use strict';
// Anonymous usage telemetry. Documented at https://fastbuild.example.com/telemetry
// Disable with `fastbuild telemetry disable`, FASTBUILD_TELEMETRY_DISABLED=1 or DO_NOT_TRACK=1.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const https = require('https');

const CONFIG_DIR = path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'fastbuild');
const CONFIG = path.join(CONFIG_DIR, 'telemetry.json');
const ENDPOINT = { host: 'telemetry.fastbuild.example.com', path: '/v1/events' };

function readConfig() { try { return JSON.parse(fs.readFileSync(CONFIG, 'utf8')); } catch (e) { return {}; } }
function writeConfig(c) { fs.mkdirSync(CONFIG_DIR, { recursive: true }); fs.writeFileSync(CONFIG, JSON.stringify(c, null, 2)); }

function isEnabled() {
  if (process.env.DO_NOT_TRACK === '1' || process.env.FASTBUILD_TELEMETRY_DISABLED) return false;
  return readConfig().enabled !== false;
}
function setEnabled(v) { writeConfig(Object.assign(readConfig(), { enabled: v })); }

function anonymousId() {
  const c = readConfig();
  if (c.anonymousId) return c.anonymousId;
  c.anonymousId = crypto.randomUUID();
  writeConfig(c);
  return c.anonymousId;
}

function noticeOnce() {
  const c = readConfig();
  if (c.notified || !isEnabled()) return;
  process.stderr.write('fastbuild collects anonymous usage data (command, duration, OS, Node version).\nRun `fastbuild telemetry disable` to opt out.\n');
  writeConfig(Object.assign(c, { notified: true }));
}

function record(event, props) {
  if (!isEnabled()) return Promise.resolve();
  const body = JSON.stringify({
    event, id: anonymousId(), ts: new Date().toISOString(),
    props: Object.assign({}, props, { os: process.platform, arch: process.arch, node: process.versions.node, ci: !!process.env.CI, version: require('../package.json').version })
  });
  return new Promise(resolve => {
    const req = https.request({ ...ENDPOINT, method: 'POST', timeout: 1500, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, res => { res.resume(); res.on('end', resolve); });
    req.on('timeout', () => { req.destroy(); resolve(); });
    req.on('error', () => resolve());
    req.end(body);
  });
}
module.exports = { isEnabled, setEnabled, record, noticeOnce };
