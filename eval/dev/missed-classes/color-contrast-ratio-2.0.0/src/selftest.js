const assert = require('assert');
const { ratio, score } = require('./index');
assert.strictEqual(ratio('#000', '#fff'), 21);
assert.strictEqual(score('#777', '#fff'), 'Fail');
console.log('ok');
