const ws = require('./lib');
const s = ws({ file: require('path').join(require('os').tmpdir(), 'ws-test.json') });
console.log(s.width, s.height);
