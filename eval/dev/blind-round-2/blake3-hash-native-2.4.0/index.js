'use strict';
let native = null;
try { native = require('./build/Release/blake3.node'); }
catch (e) {
  try { native = require(`./prebuilds/${process.platform}-${process.arch}/blake3.node`); } catch (e2) { native = null; }
}
const fallback = require('./fallback');

function hash(input, { length = 32 } = {}) {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  return native ? native.hash(buf, length) : fallback.hash(buf, length);
}

module.exports = { hash, isNative: () => !!native };
