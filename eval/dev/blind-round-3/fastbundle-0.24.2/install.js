'use strict';
// Verify that the platform-specific binary from optionalDependencies is
// present and has the expected version; fall back to downloading the
// same package tarball from the npm registry if the package manager skipped it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const https = require('https');
const child_process = require('child_process');

const version = require('./package.json').version;
const platformKey = `${process.platform}-${os.arch()}`;
const pkgName = `@fastbundle/${platformKey}`;
const subpath = process.platform === 'win32' ? 'fastbundle.exe' : 'bin/fastbundle';

function binPathFromPackage() {
  try { return require.resolve(`${pkgName}/${subpath}`); } catch (e) { return null; }
}

function validateBinaryVersion(bin) {
  const stdout = child_process.execFileSync(bin, ['--version'], { stdio: 'pipe', timeout: 5000 }).toString().trim();
  if (stdout !== version) throw new Error(`Expected ${JSON.stringify(version)} but got ${JSON.stringify(stdout)}`);
}

function fetchBuffer(url) {
  return new Promise((resolve, reject) => {
    https.get(url, res => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location) return fetchBuffer(res.headers.location).then(resolve, reject);
      if (res.statusCode !== 200) return reject(new Error(`Server responded with ${res.statusCode}`));
      const chunks = []; res.on('data', c => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function extractFileFromTarGzip(buffer, file) {
  buffer = zlib.unzipSync(buffer);
  const str = (i, n) => String.fromCharCode(...buffer.subarray(i, i + n)).replace(/\0.*$/, '');
  let offset = 0;
  file = `package/${file}`;
  while (offset < buffer.length) {
    const name = str(offset, 100);
    const size = parseInt(str(offset + 124, 12), 8);
    offset += 512;
    if (!isNaN(size)) {
      if (name === file) return buffer.subarray(offset, offset + size);
      offset += (size + 511) & ~511;
    }
  }
  throw new Error(`Could not find ${JSON.stringify(file)} in archive`);
}

async function downloadFallback() {
  const registry = process.env.npm_config_registry || 'https://registry.npmjs.example.org/';
  const url = `${registry.replace(/\/$/, '')}/${pkgName}/-/${platformKey}-${version}.tgz`;
  const dest = path.join(__dirname, 'bin', process.platform === 'win32' ? 'fastbundle.exe' : 'fastbundle-native');
  console.error(`[fastbundle] Trying to download ${JSON.stringify(url)}`);
  fs.writeFileSync(dest, extractFileFromTarGzip(await fetchBuffer(url), subpath), { mode: 0o755 });
  return dest;
}

(async () => {
  let bin = binPathFromPackage();
  if (!bin) {
    console.error(`[fastbundle] Failed to find package "${pkgName}" on the file system; falling back to registry download`);
    bin = await downloadFallback();
  }
  validateBinaryVersion(bin);
})().catch(e => {
  console.error(`[fastbundle] Failed to install correctly: ${e.message}\nMake sure you don't have "ignore-scripts" set and that optionalDependencies are not omitted.`);
  process.exit(1);
});
