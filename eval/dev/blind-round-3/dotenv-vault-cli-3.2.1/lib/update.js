'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const BASE = 'https://releases.dotenv-vault.example.com';
// Ed25519 public key used to sign release manifests (PEM, SPKI)
const RELEASE_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAr1kDcJxq2Xw8l0m3FJ4m1m9S4mW2sQzL1q2vS3m5r0Q=
-----END PUBLIC KEY-----`;

function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, { headers: { 'user-agent': 'dvault-updater' } }, res => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return resolve(get(new URL(res.headers.location, url).href));
      if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`));
      const bufs = []; res.on('data', c => bufs.push(c)); res.on('end', () => resolve(Buffer.concat(bufs)));
    }).on('error', reject);
  });
}

async function manifest(channel) {
  const body = await get(`${BASE}/${channel}/manifest.json`);
  const sig = await get(`${BASE}/${channel}/manifest.json.sig`);
  if (!crypto.verify(null, body, RELEASE_KEY, Buffer.from(sig.toString().trim(), 'base64'))) throw new Error('release manifest signature is invalid');
  return JSON.parse(body);
}

function cmp(a, b) { const x = a.split('.').map(Number), y = b.split('.').map(Number); for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]; return 0; }

async function checkForUpdate(channel = 'stable') {
  const m = await manifest(channel);
  return cmp(m.version, require('../package.json').version) > 0 ? m.version : null;
}

async function selfUpdate({ channel = 'stable' } = {}) {
  const m = await manifest(channel);
  const current = require('../package.json').version;
  if (cmp(m.version, current) <= 0) { console.log(`Already on the latest version (${current}).`); return; }
  const asset = m.assets[`${process.platform}-${process.arch}`];
  if (!asset) throw new Error(`no build for ${process.platform}-${process.arch}`);
  const tgz = await get(asset.url);
  const digest = crypto.createHash('sha256').update(tgz).digest('hex');
  if (digest !== asset.sha256) throw new Error(`checksum mismatch: expected ${asset.sha256}, got ${digest}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dvault-'));
  const file = path.join(tmp, 'package.tgz');
  fs.writeFileSync(file, tgz);
  console.log(`Verified ${asset.url} (sha256 ${digest.slice(0, 12)}...). Installing ${m.version}...`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '-g', file], { stdio: 'inherit' });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('npm install failed');
  console.log(`Updated to ${m.version}.`);
}
module.exports = { checkForUpdate, selfUpdate };
