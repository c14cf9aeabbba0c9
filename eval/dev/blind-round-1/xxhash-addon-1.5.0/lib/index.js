'use strict';
const binding = require('node-gyp-build')(require('path').join(__dirname, '..'));

const toBuf = (d) => (Buffer.isBuffer(d) ? d : Buffer.from(typeof d === 'string' ? d : String(d)));

module.exports = {
  xxh32: (data, seed = 0) => binding.xxh32(toBuf(data), seed >>> 0),
  xxh64: (data, seed = 0n) => binding.xxh64(toBuf(data), BigInt(seed)),
  xxh3: (data) => binding.xxh3(toBuf(data)),
  hex32: (data, seed) => module.exports.xxh32(data, seed).toString(16).padStart(8, '0'),
  hex64: (data, seed) => module.exports.xxh64(data, seed).toString(16).padStart(16, '0')
};
