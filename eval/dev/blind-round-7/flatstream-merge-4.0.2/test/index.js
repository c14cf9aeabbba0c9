'use strict';
const assert = require('assert');
const { Readable } = require('stream');
const flatMap = require('..');
const out = [];
Readable.from([1, 2, 3]).pipe(flatMap((n) => [n, n * 10])).on('data', (d) => out.push(d)).on('end', () => {
  assert.deepStrictEqual(out, [1, 10, 2, 20, 3, 30]);
  console.log('ok');
});
