'use strict';
const path = require('path');
const fs = require('fs');

const PLATFORMS = { 'linux x64': 'fastbundle-linux-x64', 'linux arm64': 'fastbundle-linux-arm64', 'darwin x64': 'fastbundle-darwin-x64', 'darwin arm64': 'fastbundle-darwin-arm64', 'win32 x64': 'fastbundle-win32-x64' };

function pkgForPlatform() {
  const key = `${process.platform} ${process.arch}`;
  const name = PLATFORMS[key];
  if (!name) throw new Error(`Unsupported platform: ${key}`);
  return name;
}

function binaryPath() {
  if (process.env.FASTBUNDLE_BINARY_PATH) return process.env.FASTBUNDLE_BINARY_PATH;
  const exe = process.platform === 'win32' ? 'fastbundle.exe' : 'bin/fastbundle';
  const fallback = path.join(__dirname, '..', 'bin', process.platform === 'win32' ? 'fastbundle.exe' : 'fastbundle-native');
  try { return require.resolve(`${pkgForPlatform()}/${exe}`); } catch (e) {
    if (fs.existsSync(fallback)) return fallback;
    throw new Error(`The package "${pkgForPlatform()}" could not be found, and is needed by fastbundle. Reinstall without --no-optional.`);
  }
}

module.exports = { binaryPath, pkgForPlatform, PLATFORMS };
