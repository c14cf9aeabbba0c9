'use strict';
// Portable fallback using Node's built-in hashing when the addon is unavailable.
const crypto = require('crypto');
function hash(buf, length) {
  if (crypto.getHashes().includes('blake2b512')) return crypto.createHash('blake2b512').update(buf).digest().subarray(0, length);
  return crypto.createHash('sha512').update(buf).digest().subarray(0, length);
}
module.exports = { hash };
