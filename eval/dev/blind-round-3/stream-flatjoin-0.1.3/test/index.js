var test = require('tape');
var flatjoin = require('../');
test('flattens arrays', function (t) {
  var out = [];
  var s = flatjoin(function (x, cb) { cb(null, x); });
  s.on('data', function (d) { out.push(d); });
  s.on('end', function () { t.deepEqual(out, [1, 2, 3]); t.end(); });
  s.write([1, 2, 3]); s.end();
});
