'use strict';
const path = require('path');
let binding;
try { binding = require(path.join(__dirname, 'build', 'Release', 'lz4bind.node')); } catch (e) {
  throw new Error('lz4-fast-bind: native addon not found; run `npm rebuild lz4-fast-bind` (' + e.message + ')');
}
module.exports = {
  compress(buf) { if (!Buffer.isBuffer(buf)) throw new TypeError('Buffer expected'); return binding.compress(buf); }
};
