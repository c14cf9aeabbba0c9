var assert = require('assert');
var s = require('../src/ua-sniff');
var r = s.parse('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36');
assert.strictEqual(r.browser.name, 'Chrome');
assert.strictEqual(r.os.version, '10');
assert.strictEqual(r.cpu.architecture, 'amd64');
console.log('ok');
