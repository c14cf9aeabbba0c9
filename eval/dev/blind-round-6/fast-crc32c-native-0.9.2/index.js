"use strict";
let native = null;
try { native = require("./build/Release/crc32c.node"); } catch (_) { /* JS fallback */ }

const TABLE = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  TABLE[i] = c >>> 0;
}

function jsCalculate(buf, initial = 0) {
  let crc = ~initial >>> 0;
  for (let i = 0; i < buf.length; i++) crc = TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function calculate(input, initial = 0) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
  return native ? native.calculate(buf, initial) : jsCalculate(buf, initial);
}

module.exports = { calculate, jsCalculate, native: !!native };

module.exports.stream = () => require("./lib/stream");
