const assert = require('assert');
const mime = require('./');
assert.strictEqual(mime.lookup('file.json'), 'application/json');
assert.strictEqual(mime.extension('text/html'), 'html');
assert.strictEqual(mime.contentType('json'), 'application/json; charset=utf-8');
console.log('ok');
