'use strict';
const fs = require('fs');
const path = require('path');
const https = require('https');
const crypto = require('crypto');
const { execFileSync, spawnSync } = require('child_process');

const pkg = require('../package.json');
const root = path.join(__dirname, '..');
const target = path.join(root, 'build', 'Release', 'lz4bind.node');

if (process.env.LZ4_FAST_BIND_BUILD_FROM_SOURCE || process.env.npm_config_build_from_source === 'true') return rebuild();
if (fs.existsSync(target)) process.exit(0);

const name = `lz4bind-v${pkg.version}-napi-v8-${process.platform}-${process.arch}.tar.gz`;
const sums = require('../checksums.json');
const mirror = process.env.LZ4_FAST_BIND_BINARY_HOST || pkg.binary.host.replace('{version}', pkg.version);

function get(url, redirects = 0) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects < 5) return resolve(get(res.headers.location, redirects + 1));
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for ${url}`));
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function rebuild() {
  console.log('lz4-fast-bind: building from source with node-gyp');
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['node-gyp', 'rebuild'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status || 0);
}

(async () => {
  if (!sums[name]) { console.log(`lz4-fast-bind: no prebuilt for ${process.platform}-${process.arch}`); return rebuild(); }
  try {
    const buf = await get(`${mirror}/${name}`);
    const digest = crypto.createHash('sha256').update(buf).digest('hex');
    if (digest !== sums[name]) throw new Error(`checksum mismatch for ${name}`);
    const tmp = path.join(root, name);
    fs.writeFileSync(tmp, buf);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    execFileSync('tar', ['-xzf', tmp, '-C', path.join(root, 'build', 'Release')]);
    fs.unlinkSync(tmp);
    console.log(`lz4-fast-bind: installed prebuilt ${name}`);
  } catch (e) {
    console.warn(`lz4-fast-bind: prebuilt download failed (${e.message}), falling back to source build`);
    rebuild();
  }
})();
