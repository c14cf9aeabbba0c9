'use strict';
const path = require('path');

function platformDir() {
  return process.platform + '-' + process.arch;
}

function binPath(name) {
  const exe = process.platform === 'win32' ? name + '.exe' : name;
  return path.join(__dirname, '..', 'vendor', platformDir(), exe);
}

module.exports = { platformDir, binPath };
