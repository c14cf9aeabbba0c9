'use strict';
// Downloads the prebuilt sqlfmt binary for this platform from the project's GitHub
// releases, verifies its SHA-256 against checksums.json shipped in this package,
// unpacks it into vendor/ and marks it executable. Set SQLFMT_SKIP_DOWNLOAD=1 to skip
// (e.g. offline CI that provides SQLFMT_BINARY instead).
const fs = require('fs');
const path = require('path');
const https = require('https');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

const VERSION = require('../package.json').version;
const TARGETS = {
  'linux-x64': 'x86_64-unknown-linux-musl',
  'linux-arm64': 'aarch64-unknown-linux-musl',
  'darwin-x64': 'x86_64-apple-darwin',
  'darwin-arm64': 'aarch64-apple-darwin',
  'win32-x64': 'x86_64-pc-windows-msvc'
};

function download(url, redirects = 5) {
  return new Promise((resolve, reject) => {
    https.get(url, { headers: { 'user-agent': `sqlfmt-bin/${VERSION}` } }, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0) {
        res.resume();
        return resolve(download(res.headers.location, redirects - 1));
      }
      if (res.statusCode !== 200) return reject(new Error(`download failed: HTTP ${res.statusCode} for ${url}`));
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

async function main() {
  if (process.env.SQLFMT_SKIP_DOWNLOAD) return console.log('sqlfmt-bin: SQLFMT_SKIP_DOWNLOAD set, skipping');
  const target = TARGETS[`${process.platform}-${process.arch}`];
  if (!target) throw new Error(`sqlfmt-bin: unsupported platform ${process.platform}-${process.arch}`);
  const ext = process.platform === 'win32' ? 'zip' : 'tar.gz';
  const asset = `sqlfmt-${VERSION}-${target}.${ext}`;
  const url = `https://github.com/sql_fmt/sqlfmt/releases/download/v${VERSION}/${asset}`;
  const expected = require('../checksums.json')[asset];
  const buf = await download(url);
  const actual = crypto.createHash('sha256').update(buf).digest('hex');
  if (actual !== expected) throw new Error(`sqlfmt-bin: checksum mismatch for ${asset}\n  expected ${expected}\n  actual   ${actual}`);
  const vendor = path.join(__dirname, '..', 'vendor');
  fs.mkdirSync(vendor, { recursive: true });
  const archive = path.join(vendor, asset);
  fs.writeFileSync(archive, buf);
  if (ext === 'zip') execFileSync('powershell', ['-NoProfile', '-Command', `Expand-Archive -Force -LiteralPath '${archive}' -DestinationPath '${vendor}'`]);
  else execFileSync('tar', ['-xzf', archive, '-C', vendor]);
  fs.unlinkSync(archive);
  const bin = path.join(vendor, process.platform === 'win32' ? 'sqlfmt.exe' : 'sqlfmt');
  fs.chmodSync(bin, 0o755);
  console.log(`sqlfmt-bin: installed ${bin}`);
}

main().catch((err) => {
  console.error(err.message);
  console.error('sqlfmt-bin: you can set SQLFMT_BINARY=/path/to/sqlfmt to use an existing binary');
  process.exit(1);
});
