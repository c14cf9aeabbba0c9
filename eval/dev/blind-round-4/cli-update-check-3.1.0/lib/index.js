'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const https = require('https');
const http = require('http');
const { registryUrl } = require('./registry-url');

const DAY = 24 * 60 * 60 * 1000;

function disabled() {
  const e = process.env;
  return Boolean(e.NO_UPDATE_NOTIFIER || e.CI || e.CONTINUOUS_INTEGRATION || e.BUILD_NUMBER || e.NODE_ENV === 'test' ||
    process.argv.includes('--no-update-notifier') || !process.stdout.isTTY);
}

function cacheFile(name) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cli-update-check', name.replace('/', '__') + '.json');
}

function fetchLatest(name, timeout) {
  const scope = name.startsWith('@') ? name.split('/')[0] : null;
  const url = new URL(registryUrl(scope) + encodeURIComponent(name).replace('%40', '@') + '/latest');
  const lib = url.protocol === 'http:' ? http : https;
  return new Promise((resolve) => {
    const req = lib.get(url, { headers: { accept: 'application/json' }, timeout }, (res) => {
      let s = '';
      res.on('data', (c) => (s += c));
      res.on('end', () => { try { resolve(JSON.parse(s).version); } catch (_) { resolve(null); } });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

function newer(a, b) {
  const pa = a.split('-')[0].split('.').map(Number), pb = b.split('-')[0].split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
  return false;
}

/** Prints a one-line notice if pkg.version is behind `latest`. Never throws, never blocks exit for long. */
async function check(pkg, { interval = DAY, timeout = 1500 } = {}) {
  if (disabled()) return null;
  const file = cacheFile(pkg.name);
  let cache = {};
  try { cache = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (_) {}
  if (!cache.checkedAt || Date.now() - cache.checkedAt > interval) {
    const latest = await fetchLatest(pkg.name, timeout);
    if (latest) {
      cache = { checkedAt: Date.now(), latest };
      try { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, JSON.stringify(cache)); } catch (_) {}
    }
  }
  if (cache.latest && newer(cache.latest, pkg.version)) {
    process.stderr.write(`\n  Update available ${pkg.version} → ${cache.latest}\n  Run npm i -g ${pkg.name} to update (set NO_UPDATE_NOTIFIER=1 to silence)\n\n`);
    return cache.latest;
  }
  return null;
}
module.exports = { check, disabled };
