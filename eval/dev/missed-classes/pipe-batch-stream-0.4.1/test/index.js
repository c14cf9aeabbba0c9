var assert = require('assert');
var BatchStream = require('../index.js');

var s = new BatchStream({ size: 3 });
var seen = [];
s.on('data', function (b) { seen.push(b); });
s.on('end', function () {
  assert.deepStrictEqual(seen, [[1, 2, 3], [4, 5]]);
  console.log('ok');
});
[1, 2, 3, 4, 5].forEach(function (n) { s.write(n); });
s.end();
