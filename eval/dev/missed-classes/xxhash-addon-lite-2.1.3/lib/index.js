'use strict';
const path = require('path');

let native = null;
for (const p of ['../build/Release/xxhash.node', '../build/Debug/xxhash.node']) {
  try { native = require(path.join(__dirname, p)); break; } catch (e) {}
}

const P1 = 0x9E3779B185EBCA87n, P2 = 0xC2B2AE3D27D4EB4Fn, P3 = 0x165667B19E3779F9n;
const P4 = 0x85EBCA77C2B2AE63n, P5 = 0x27D4EB2F165667C5n, M = (1n << 64n) - 1n;
const rotl = (x, r) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & M;
const round = (acc, v) => (rotl((acc + v * P2) & M, 31) * P1) & M;

function jsHash64(buf, seed = 0n) {
  let i = 0;
  let h;
  const len = buf.length;
  const r64 = (o) => buf.readBigUInt64LE(o);
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & M, v2 = (seed + P2) & M, v3 = seed, v4 = (seed - P1) & M;
    for (; i + 32 <= len; i += 32) {
      v1 = round(v1, r64(i)); v2 = round(v2, r64(i + 8)); v3 = round(v3, r64(i + 16)); v4 = round(v4, r64(i + 24));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) & M;
    for (const v of [v1, v2, v3, v4]) h = (((h ^ round(0n, v)) * P1) + P4) & M;
  } else {
    h = (seed + P5) & M;
  }
  h = (h + BigInt(len)) & M;
  for (; i + 8 <= len; i += 8) h = (rotl(h ^ round(0n, r64(i)), 27) * P1 + P4) & M;
  if (i + 4 <= len) { h = (rotl(h ^ ((BigInt(buf.readUInt32LE(i)) * P1) & M), 23) * P2 + P3) & M; i += 4; }
  for (; i < len; i++) h = (rotl(h ^ ((BigInt(buf[i]) * P5) & M), 11) * P1) & M;
  h ^= h >> 33n; h = (h * P2) & M; h ^= h >> 29n; h = (h * P3) & M; h ^= h >> 32n;
  return h;
}

function hash64(input, seed = 0n) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
  return native ? native.hash64(buf, BigInt(seed)) : jsHash64(buf, BigInt(seed));
}

module.exports = { hash64, native: !!native };
