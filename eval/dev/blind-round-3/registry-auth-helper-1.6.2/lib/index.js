'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { URL } = require('url');

function parseIni(text) {
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === -1) continue;
    const key = line.slice(0, eq).trim();
    let val = line.slice(eq + 1).trim();
    val = val.replace(/\$\{([^}]+)\}/g, (_, name) => process.env[name] || '');
    out[key] = val;
  }
  return out;
}

function loadNpmrc({ cwd = process.cwd(), userconfig } = {}) {
  const files = [path.join(cwd, '.npmrc'), userconfig || process.env.NPM_CONFIG_USERCONFIG || path.join(os.homedir(), '.npmrc')];
  const merged = {};
  for (const f of files.reverse()) { try { Object.assign(merged, parseIni(fs.readFileSync(f, 'utf8'))); } catch (e) { /* absent */ } }
  return merged;
}

function nerfDart(url) {
  const u = new URL(url);
  return `//${u.host}${u.pathname.replace(/[^/]*$/, '')}`;
}

function registryFor(name, config) {
  const scope = name && name.startsWith('@') ? name.split('/')[0] : null;
  return (scope && config[`${scope}:registry`]) || config.registry || 'https://registry.npmjs.example.org/';
}

function authFor(registry, config) {
  const key = nerfDart(registry);
  if (config[`${key}:_authToken`]) return { type: 'Bearer', token: config[`${key}:_authToken`] };
  if (config[`${key}:_auth`]) return { type: 'Basic', token: config[`${key}:_auth`] };
  if (config[`${key}:username`] && config[`${key}:_password`]) {
    const pass = Buffer.from(config[`${key}:_password`], 'base64').toString('utf8');
    return { type: 'Basic', token: Buffer.from(`${config[`${key}:username`]}:${pass}`).toString('base64') };
  }
  if (process.env.NPM_TOKEN && key === nerfDart(config.registry || 'https://registry.npmjs.example.org/')) return { type: 'Bearer', token: process.env.NPM_TOKEN };
  return null;
}

// Fetch a packument using the credentials that npm itself would send to that registry.
function fetchPackument(name, opts = {}) {
  const config = loadNpmrc(opts);
  const registry = registryFor(name, config);
  const auth = authFor(registry, config);
  const url = new URL(name.replace('/', '%2f'), registry.endsWith('/') ? registry : registry + '/');
  const headers = { accept: 'application/vnd.npm.install-v1+json' };
  if (auth) headers.authorization = `${auth.type} ${auth.token}`;
  return new Promise((resolve, reject) => {
    https.get(url, { headers }, res => {
      let b = ''; res.on('data', c => (b += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(b)) : reject(new Error(`${res.statusCode} ${url.href}`))));
    }).on('error', reject);
  });
}

module.exports = { loadNpmrc, registryFor, authFor, nerfDart, fetchPackument, parseIni };
