'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const https = require('https');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { pkgForPlatform, binaryPath } = require('./lib/main');

const VERSION = require('./package.json').version;
const REGISTRY = (process.env.npm_config_registry || 'https://registry.npmjs.example.org').replace(/\/$/, '');

function fetchBuf(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location) return fetchBuf(res.headers.location).then(resolve, reject);
      if (res.statusCode !== 200) return reject(new Error(`Server responded with ${res.statusCode}`));
      const chunks = [];
      res.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function extractFromTarball(tgz, subpath) {
  const tar = zlib.unzipSync(tgz);
  let off = 0;
  while (off < tar.length) {
    const name = tar.toString('utf8', off, off + 100).replace(/\0.*$/s, '');
    const size = parseInt(tar.toString('utf8', off + 124, off + 136), 8);
    off += 512;
    if (name === subpath) return tar.subarray(off, off + size);
    off += (size + 511) & ~511;
  }
  throw new Error(`Could not find ${subpath} in archive`);
}

function validate(bin) {
  const out = execFileSync(bin, ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();
  if (out !== VERSION) throw new Error(`Expected ${JSON.stringify(VERSION)} but got ${JSON.stringify(out)}`);
}

(async () => {
  try { validate(binaryPath()); return; } catch (e) {}
  const pkg = pkgForPlatform();
  const sub = process.platform === 'win32' ? 'package/fastbundle.exe' : 'package/bin/fastbundle';
  const meta = JSON.parse((await fetchBuf(`${REGISTRY}/${pkg}/${VERSION}`)).toString());
  const tgz = await fetchBuf(meta.dist.tarball);
  const [algo, expected] = meta.dist.integrity.split('-');
  if (crypto.createHash(algo).update(tgz).digest('base64') !== expected) throw new Error('integrity check failed for ' + pkg);
  const dest = path.join(__dirname, 'bin', process.platform === 'win32' ? 'fastbundle.exe' : 'fastbundle-native');
  fs.writeFileSync(dest, extractFromTarball(tgz, sub), { mode: 0o755 });
  validate(dest);
  console.error(`[fastbundle] installed ${pkg}@${VERSION} via direct download (${os.platform()})`);
})().catch((e) => {
  console.error(`[fastbundle] failed to install native binary: ${e.message}`);
  process.exitCode = 1;
});
