var flatMap = require('../')
var assert = require('assert')
var out = []
var s = flatMap(function (x) { return [x, x * 2] })
s.on('data', function (d) { out.push(d) })
s.on('end', function () { assert.deepStrictEqual(out, [1, 2, 2, 4, 3, 6]); console.log('ok') })
;[1, 2, 3].forEach(function (n) { s.write(n) })
s.end()
