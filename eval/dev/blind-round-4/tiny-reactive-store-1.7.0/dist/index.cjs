'use strict';
// CommonJS build is generated from dist/index.js; kept minimal here
module.exports = (() => { throw new Error('tiny-reactive-store: use `import` (ESM only since 1.5)'); });
