const { compile } = require('./lib');
const f = compile('{count, plural, =0 {no files} one {# file} other {# files}}', 'en');
console.log(f({ count: 0 }), '|', f({ count: 1 }), '|', f({ count: 5 }));
