'use strict';
// CRC-32C lookup table (polynomial 0x82F63B78)
const T = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  T[n] = c >>> 0;
}
module.exports = T;
