const log = require('./lib');
const assert = require('assert');
const out = [];
const l = log.getLogger('t', 'info', (lvl, name, args) => out.push([lvl, name, args.join(' ')]));
l.debug('hidden');
l.info('shown');
assert.deepStrictEqual(out, [[2, 't', 'shown']]);
console.log('ok');
