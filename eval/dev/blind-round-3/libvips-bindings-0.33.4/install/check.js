'use strict';
// Download a prebuilt binary for this platform, verify it against the
// checksums shipped in the package, and extract it. Exit non-zero to
// fall back to compiling from source with node-gyp.
const fs = require('fs');
const path = require('path');
const https = require('https');
const crypto = require('crypto');
const zlib = require('zlib');

const pkg = require('../package.json');
const platform = `${process.platform}-${process.arch}`;
const checksums = require('./checksums.json');

if (process.env.LIBVIPS_BINDINGS_BUILD_FROM_SOURCE) { console.log('libvips-bindings: building from source as requested'); process.exit(1); }
if (!checksums[platform]) { console.log(`libvips-bindings: no prebuilt binary for ${platform}`); process.exit(1); }

const url = `${process.env.LIBVIPS_BINDINGS_BINARY_HOST || pkg.binary.host}/v${pkg.version}/libvips-bindings-v${pkg.version}-napi-v9-${platform}.tar.gz`;
const dest = path.join(__dirname, '..', 'build', 'Release');

function download(u, redirects = 0) {
  return new Promise((resolve, reject) => {
    https.get(u, res => {
      if ([301, 302, 307, 308].includes(res.statusCode) && redirects < 5) return resolve(download(new URL(res.headers.location, u).href, redirects + 1));
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} for ${u}`));
      const bufs = []; res.on('data', c => bufs.push(c)); res.on('end', () => resolve(Buffer.concat(bufs)));
    }).on('error', reject);
  });
}

(async () => {
  try {
    const tgz = await download(url);
    const integrity = 'sha512-' + crypto.createHash('sha512').update(tgz).digest('base64');
    if (integrity !== checksums[platform]) throw new Error(`integrity mismatch for ${platform}: ${integrity}`);
    fs.mkdirSync(dest, { recursive: true });
    const tarFs = require('tar-fs');
    await new Promise((resolve, reject) => {
      const ex = tarFs.extract(dest, { strip: 1, map: h => (h.name.includes('..') ? null : h) });
      ex.on('finish', resolve).on('error', reject);
      const gunzip = zlib.createGunzip(); gunzip.on('error', reject); gunzip.pipe(ex); gunzip.end(tgz);
    });
    console.log(`libvips-bindings: installed verified prebuilt binary for ${platform}`);
  } catch (e) {
    console.log(`libvips-bindings: prebuilt binary unavailable (${e.message}); compiling from source`);
    process.exit(1);
  }
})();
