const { sanitize } = require('./index');
console.log(JSON.stringify(sanitize({ name: 'a', $where: '1', nested: { 'a.b': 1, ok: [{ $gt: 1 }] } })));
