'use strict';
const path = require('path');
const fs = require('fs');
const KNOWN = { 'linux x64 LE': '@fastfmt/linux-x64', 'linux arm64 LE': '@fastfmt/linux-arm64', 'darwin arm64 LE': '@fastfmt/darwin-arm64', 'darwin x64 LE': '@fastfmt/darwin-x64', 'win32 x64 LE': '@fastfmt/win32-x64' };

function binaryPath() {
  if (process.env.FASTFMT_BINARY_PATH) return process.env.FASTFMT_BINARY_PATH;
  const key = `${process.platform} ${process.arch} ${require('os').endianness()}`;
  const pkg = KNOWN[key];
  if (!pkg) throw new Error(`fastfmt: unsupported platform ${key}`);
  const sub = process.platform === 'win32' ? 'fastfmt.exe' : 'bin/fastfmt';
  let p;
  try { p = require.resolve(`${pkg}/${sub}`); } catch (_) {
    throw new Error(`fastfmt: the optional dependency ${pkg} is missing. Reinstall without --no-optional / --omit=optional.`);
  }
  if (!fs.existsSync(p)) throw new Error('fastfmt: binary not found at ' + p);
  return p;
}
module.exports = { binaryPath };
