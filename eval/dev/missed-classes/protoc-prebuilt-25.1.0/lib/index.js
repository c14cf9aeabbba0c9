'use strict';
const { binaryPath, VERSION } = require('./platform');
module.exports = { path: binaryPath(), version: VERSION };
