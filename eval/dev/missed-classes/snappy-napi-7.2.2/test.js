const assert = require('assert');
const s = require('./lib');
const input = Buffer.from('hello hello hello snappy');
assert.deepStrictEqual(s.uncompressSync(s.compressSync(input)), input);
console.log('ok');
