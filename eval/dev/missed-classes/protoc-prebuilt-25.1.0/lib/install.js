'use strict';
const fs = require('fs');
const path = require('path');
const https = require('https');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { assetName, vendorDir, binaryPath } = require('./platform');
const pkg = require('../package.json');
const checksums = require('../checksums.json');

const BASE = process.env.PROTOC_PREBUILT_MIRROR || 'https://github.com/protoc_bin/protoc-prebuilt/releases/download/v' + pkg.version;

function download(url, redirects = 5) {
  return new Promise((resolve, reject) => {
    https.get(url, { headers: { 'user-agent': 'protoc-prebuilt/' + pkg.version } }, (res) => {
      if ([301, 302, 307, 308].includes(res.statusCode) && res.headers.location && redirects > 0) {
        res.resume();
        resolve(download(new URL(res.headers.location, url).toString(), redirects - 1));
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error('GET ' + url + ' failed with HTTP ' + res.statusCode));
        return;
      }
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

function verify(name, buf) {
  const expected = checksums[name];
  const actual = crypto.createHash('sha256').update(buf).digest('hex');
  if (!expected || expected !== actual) {
    throw new Error('checksum mismatch for ' + name + ': expected ' + expected + ', got ' + actual);
  }
}

function extract(archive, dest) {
  fs.mkdirSync(dest, { recursive: true });
  if (archive.endsWith('.zip')) {
    execFileSync('powershell.exe', ['-NoProfile', '-Command', 'Expand-Archive', '-Force', '-LiteralPath', archive, '-DestinationPath', dest]);
  } else {
    execFileSync('tar', ['-xzf', archive, '-C', dest]);
  }
}

async function main() {
  if (process.env.PROTOC_PREBUILT_SKIP_DOWNLOAD) {
    console.log('protoc-prebuilt: PROTOC_PREBUILT_SKIP_DOWNLOAD set, skipping');
    return;
  }
  if (fs.existsSync(binaryPath())) return;
  const name = assetName();
  const url = BASE + '/' + name;
  console.log('protoc-prebuilt: downloading ' + url);
  const buf = await download(url);
  verify(name, buf);
  const tmp = path.join(vendorDir(), name);
  fs.mkdirSync(vendorDir(), { recursive: true });
  fs.writeFileSync(tmp, buf);
  extract(tmp, vendorDir());
  fs.unlinkSync(tmp);
  if (process.platform !== 'win32') fs.chmodSync(binaryPath(), 0o755);
  console.log('protoc-prebuilt: installed ' + binaryPath());
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
