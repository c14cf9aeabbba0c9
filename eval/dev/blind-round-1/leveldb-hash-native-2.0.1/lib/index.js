'use strict';
const binding = require('bindings')('lhash');

function hash(input, seed) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
  return seed === undefined ? binding.hash(buf) : binding.hash(buf, seed >>> 0);
}

module.exports = { hash };
