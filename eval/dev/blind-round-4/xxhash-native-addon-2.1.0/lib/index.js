'use strict';
const binding = require('node-gyp-build')(require('path').join(__dirname, '..'));
function hash64(input, seed = 0n) {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  return binding.hash64(buf, BigInt(seed));
}
module.exports = { hash64 };
