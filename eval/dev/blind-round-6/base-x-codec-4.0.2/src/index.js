"use strict";
const { tables } = require("./tables");

function baseX(ALPHABET) {
  if (ALPHABET.length >= 255) throw new TypeError("Alphabet too long");
  const MAP = new Uint8Array(256).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) {
    const c = ALPHABET.charCodeAt(i);
    if (MAP[c] !== 255) throw new TypeError(ALPHABET[i] + " is ambiguous");
    MAP[c] = i;
  }
  const BASE = ALPHABET.length, LEADER = ALPHABET[0];
  const FACTOR = Math.log(BASE) / Math.log(256), iFACTOR = Math.log(256) / Math.log(BASE);

  function encode(source) {
    if (!(source instanceof Uint8Array)) source = Uint8Array.from(source);
    if (source.length === 0) return "";
    let zeroes = 0, length = 0, pbegin = 0; const pend = source.length;
    while (pbegin !== pend && source[pbegin] === 0) { pbegin++; zeroes++; }
    const size = ((pend - pbegin) * iFACTOR + 1) >>> 0; const b58 = new Uint8Array(size);
    while (pbegin !== pend) {
      let carry = source[pbegin], i = 0;
      for (let it = size - 1; (carry !== 0 || i < length) && it !== -1; it--, i++) { carry += (256 * b58[it]) >>> 0; b58[it] = carry % BASE >>> 0; carry = (carry / BASE) >>> 0; }
      length = i; pbegin++;
    }
    let it = size - length; while (it !== size && b58[it] === 0) it++;
    let str = LEADER.repeat(zeroes); for (; it < size; ++it) str += ALPHABET.charAt(b58[it]);
    return str;
  }

  function decode(source) {
    if (typeof source !== "string") throw new TypeError("Expected String");
    if (source.length === 0) return new Uint8Array();
    let psz = 0, zeroes = 0, length = 0;
    while (source[psz] === LEADER) { zeroes++; psz++; }
    const size = ((source.length - psz) * FACTOR + 1) >>> 0; const b256 = new Uint8Array(size);
    while (source[psz]) {
      let carry = MAP[source.charCodeAt(psz)]; if (carry === 255) throw new Error("Non-base" + BASE + " character");
      let i = 0;
      for (let it = size - 1; (carry !== 0 || i < length) && it !== -1; it--, i++) { carry += (BASE * b256[it]) >>> 0; b256[it] = carry % 256 >>> 0; carry = (carry / 256) >>> 0; }
      length = i; psz++;
    }
    let it = size - length; while (it !== size && b256[it] === 0) it++;
    const out = new Uint8Array(zeroes + (size - it)); out.set(b256.subarray(it), zeroes);
    return out;
  }
  return { encode, decode };
}

module.exports = baseX;
module.exports.base58 = baseX(tables.BASE58);
module.exports.base62 = baseX(tables.BASE62);
module.exports.base36 = baseX(tables.BASE36);
