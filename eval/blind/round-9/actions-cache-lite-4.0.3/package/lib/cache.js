'use strict';
const fs = require('fs'), https = require('https'), { execFileSync } = require('child_process'), path = require('path'), os = require('os');
function env(name) { const v = process.env[name]; if (!v) throw new Error(`${name} is not set; this helper only works inside a GitHub Actions job`); return v; }
function api(method, p, body, headers = {}) {
  const base = env('ACTIONS_CACHE_URL');
  const u = new URL('_apis/artifactcache/' + p, base);
  return new Promise((res, rej) => {
    const r = https.request(u, { method, headers: Object.assign({ authorization: `Bearer ${env('ACTIONS_RUNTIME_TOKEN')}`, accept: 'application/json;api-version=6.0-preview.1', 'content-type': 'application/json' }, headers) }, s => { let b = ''; s.on('data', d => b += d); s.on('end', () => (s.statusCode < 400 ? res(b ? JSON.parse(b) : null) : s.statusCode === 204 ? res(null) : rej(new Error(`cache API ${s.statusCode}`)))); });
    r.on('error', rej); r.end(body);
  });
}
/** Save the given paths under `key`. Called explicitly from the user's action code. */
async function saveCache(paths, key, version = 'v1') {
  const archive = path.join(os.tmpdir(), `cache-${Date.now()}.tgz`);
  execFileSync('tar', ['-czf', archive, ...paths]);
  const size = fs.statSync(archive).size;
  const reserved = await api('POST', 'caches', JSON.stringify({ key, version, cacheSize: size }));
  if (!reserved || !reserved.cacheId) { console.log(`cache ${key} already exists; skipping`); return; }
  await api('PATCH', `caches/${reserved.cacheId}`, fs.readFileSync(archive), { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${size - 1}/*` });
  await api('POST', `caches/${reserved.cacheId}`, JSON.stringify({ size }));
  console.log(`saved cache ${key} (${size} bytes)`);
}
async function restoreCache(paths, key, restoreKeys = [], version = 'v1') {
  const hit = await api('GET', `cache?keys=${encodeURIComponent([key, ...restoreKeys].join(','))}&version=${version}`);
  if (!hit || !hit.archiveLocation) return undefined;
  const archive = path.join(os.tmpdir(), `restore-${Date.now()}.tgz`);
  await new Promise((res, rej) => https.get(hit.archiveLocation, r => r.pipe(fs.createWriteStream(archive)).on('finish', res)).on('error', rej));
  execFileSync('tar', ['-xzf', archive]);
  return hit.cacheKey;
}
module.exports = { saveCache, restoreCache };
