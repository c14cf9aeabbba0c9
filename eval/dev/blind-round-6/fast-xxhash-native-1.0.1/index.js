"use strict";
let native = null;
try { native = require("./build/Release/xxhash.node"); } catch (_) {}

const P1 = 2654435761, P2 = 2246822519, P3 = 3266489917, P4 = 668265263, P5 = 374761393;
const rotl = (x, r) => ((x << r) | (x >>> (32 - r))) >>> 0;
const mul = (a, b) => Math.imul(a, b) >>> 0;

function jsHash(buf, seed = 0) {
  let h = (seed + P5 + buf.length) >>> 0; let i = 0;
  for (; i + 4 <= buf.length; i += 4) { const k = buf.readUInt32LE(i); h = mul(rotl((h + mul(k, P3)) >>> 0, 17), P4); }
  for (; i < buf.length; i++) h = mul(rotl((h + mul(buf[i], P5)) >>> 0, 11), P1);
  h ^= h >>> 15; h = mul(h, P2); h ^= h >>> 13; h = mul(h, P3); h ^= h >>> 16;
  return h >>> 0;
}

function hash(input, seed = 0) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
  return native ? native.hash(buf, seed) : jsHash(buf, seed);
}

module.exports = { hash, jsHash, native: !!native };

module.exports.tools = require("./lib/tools");
