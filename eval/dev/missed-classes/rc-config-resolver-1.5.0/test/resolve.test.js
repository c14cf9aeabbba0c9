const assert = require('assert');
const resolve = require('../lib');
const cfg = resolve('demo', { port: 1 }, { env: { DEMO_PORT: '8080', DEMO_DB__HOST: 'x' } });
assert.strictEqual(cfg.port, '8080');
assert.strictEqual(cfg.db.host, 'x');
console.log('ok');
