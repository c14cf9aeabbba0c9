'use strict';
// Downloads the platform binary from the project's release host and verifies its SHA-256.
const fs = require('fs'), path = require('path'), https = require('https'), crypto = require('crypto'), zlib = require('zlib');
const { version } = require('../package.json');
const sums = require('./checksums.json');
const key = `${process.platform}-${process.arch}`;
if (process.env.TURBO_LINT_SKIP_DOWNLOAD) { console.log('turbo-lint: skipping binary download'); process.exit(0); }
if (!sums[key]) { console.warn(`turbo-lint: no prebuilt binary for ${key}; build from source with cargo install turbo-lint`); process.exit(0); }
const mirror = (process.env.TURBO_LINT_BINARY_HOST || 'https://releases.turbo-lint.example.org').replace(/\/$/, '');
const url = `${mirror}/v${version}/turbo-lint-${key}.gz`;
const dest = path.join(__dirname, '..', 'bin', process.platform === 'win32' ? 'turbo-lint.exe' : 'turbo-lint');

function get(u, redirects = 0) {
  return new Promise((resolve, reject) => {
    https.get(u, { headers: { 'user-agent': `turbo-lint-installer/${version}` } }, res => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects < 5) return resolve(get(new URL(res.headers.location, u).href, redirects + 1));
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for ${u}`));
      const chunks = []; res.on('data', c => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}
(async () => {
  const gz = await get(url);
  const bin = zlib.gunzipSync(gz);
  const digest = crypto.createHash('sha256').update(bin).digest('hex');
  if (digest !== sums[key]) throw new Error(`checksum mismatch for ${key}: expected ${sums[key]}, got ${digest}`);
  fs.writeFileSync(dest, bin, { mode: 0o755 });
  console.log(`turbo-lint: installed ${key} binary`);
})().catch(e => { console.error(`turbo-lint: failed to install binary: ${e.message}`); console.error('Set TURBO_LINT_BINARY_HOST to use a mirror.'); process.exitCode = 1; });
