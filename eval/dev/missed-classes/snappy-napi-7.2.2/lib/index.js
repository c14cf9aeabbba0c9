'use strict';
const path = require('path');

let binding;
try {
  binding = require(path.join(__dirname, '..', 'build', 'Release', 'snappy_napi.node'));
} catch (err) {
  binding = require(path.join(__dirname, '..', 'build', 'Debug', 'snappy_napi.node'));
}

function toBuffer(input) {
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === 'string') return Buffer.from(input);
  if (ArrayBuffer.isView(input)) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError('compress expects a Buffer, TypedArray or string');
}

const compressSync = (input) => binding.compressSync(toBuffer(input));
const uncompressSync = (input, opts = {}) => {
  const out = binding.uncompressSync(toBuffer(input));
  return opts.asBuffer === false ? out.toString() : out;
};

const compress = (input) => new Promise((resolve, reject) => setImmediate(() => {
  try { resolve(compressSync(input)); } catch (e) { reject(e); }
}));
const uncompress = (input, opts) => new Promise((resolve, reject) => setImmediate(() => {
  try { resolve(uncompressSync(input, opts)); } catch (e) { reject(e); }
}));

module.exports = { compress, uncompress, compressSync, uncompressSync };
