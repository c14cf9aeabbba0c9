const assert = require('assert');
const { evaluate } = require('./lib');
assert.strictEqual(evaluate('round(price * qty * (1 - discount), 2)', { price: 9.99, qty: 3, discount: 0.1 }), 26.97);
assert.throws(() => evaluate('process.exit()'));
console.log('ok');
