#!/usr/bin/env node
const { install, add } = require('../lib');
const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'add') add(a, b); else { const msg = install(a); if (msg) console.log(msg); }
