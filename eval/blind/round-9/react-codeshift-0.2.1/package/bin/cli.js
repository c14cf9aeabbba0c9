#!/usr/bin/env node
const fs = require('fs');
const [,, transform, ...files] = process.argv;
for (const f of files) {
  let s = fs.readFileSync(f, 'utf8');
  if (transform === 'class-to-hooks') s = s.replace(/this\.state\.(\w+)/g, '$1');
  fs.writeFileSync(f, s);
}
