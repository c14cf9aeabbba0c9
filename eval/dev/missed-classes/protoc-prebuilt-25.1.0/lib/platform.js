'use strict';
const path = require('path');

const VERSION = '25.1';

function assetName(platform = process.platform, arch = process.arch) {
  const table = {
    'linux-x64': 'linux-x86_64.tar.gz',
    'linux-arm64': 'linux-aarch_64.tar.gz',
    'darwin-x64': 'osx-x86_64.tar.gz',
    'darwin-arm64': 'osx-aarch_64.tar.gz',
    'win32-x64': 'win64.zip',
  };
  const suffix = table[platform + '-' + arch];
  if (!suffix) throw new Error('protoc-prebuilt: unsupported platform ' + platform + '-' + arch);
  return 'protoc-' + VERSION + '-' + suffix;
}

function vendorDir() {
  return path.join(__dirname, '..', 'vendor');
}

function binaryPath() {
  return path.join(vendorDir(), 'bin', process.platform === 'win32' ? 'protoc.exe' : 'protoc');
}

module.exports = { VERSION, assetName, vendorDir, binaryPath };
