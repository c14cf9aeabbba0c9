'use strict';
let native = null;
try { native = require('./build/Release/fastcrc.node'); } catch (e) {}

const T32 = new Uint32Array(256), T32C = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let a = i, b = i;
  for (let k = 0; k < 8; k++) { a = a & 1 ? (a >>> 1) ^ 0xedb88320 : a >>> 1; b = b & 1 ? (b >>> 1) ^ 0x82f63b78 : b >>> 1; }
  T32[i] = a >>> 0; T32C[i] = b >>> 0;
}
function js(t, buf, seed = 0) {
  let c = ~seed >>> 0;
  for (let i = 0; i < buf.length; i++) c = t[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
const toBuf = (x) => (Buffer.isBuffer(x) ? x : Buffer.from(String(x)));
module.exports = {
  crc32: (b, s) => (native ? native.crc32(toBuf(b), s || 0) : js(T32, toBuf(b), s)),
  crc32c: (b, s) => (native ? native.crc32c(toBuf(b), s || 0) : js(T32C, toBuf(b), s)),
  isNative: !!native
};
