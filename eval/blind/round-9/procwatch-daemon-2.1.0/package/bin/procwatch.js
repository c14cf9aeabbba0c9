#!/usr/bin/env node
const d = require('../lib/daemon');
const [cmd, name, script, ...rest] = process.argv.slice(2);
if (cmd === 'start') console.log(`started ${name} (pid ${d.start(name, script, rest)})`);
else if (cmd === 'stop') { d.stop(name); console.log(`stopped ${name}`); }
else if (cmd === 'ls') console.table(d.list());
else console.log('usage: procwatch start <name> <script> [args] | stop <name> | ls');
