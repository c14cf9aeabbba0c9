'use strict';
const path = require('path');
module.exports = function binaryPath(name) {
  return path.join(__dirname, 'prebuilds', process.platform + '-' + process.arch, name + '.node');
};
