'use strict';
let native = null;
try { native = require('../build/Release/xxhash.node'); } catch (e) { native = null; }
const P1 = 11400714785074694791n, P2 = 14029467366897019727n, P3 = 1609587929392839161n, P4 = 9650029242287828579n, P5 = 2870177450012600261n, M = (1n << 64n) - 1n;
const rotl = (x, r) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & M;
function hash64js(buf, seed = 0n) {
  let h = (seed + P5 + BigInt(buf.length)) & M, i = 0;
  for (; i + 8 <= buf.length; i += 8) { const k = buf.readBigUInt64LE(i); h ^= (rotl((k * P2) & M, 31) * P1) & M; h = (rotl(h, 27) * P1 + P4) & M; }
  for (; i < buf.length; i++) { h ^= (BigInt(buf[i]) * P5) & M; h = (rotl(h, 11) * P1) & M; }
  h ^= h >> 33n; h = (h * P2) & M; h ^= h >> 29n; h = (h * P3) & M; h ^= h >> 32n;
  return h;
}
module.exports.hash64 = b => (native ? native.hash64(Buffer.from(b)) : hash64js(Buffer.from(b)));
module.exports.isNative = !!native;
