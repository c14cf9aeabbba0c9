#!/usr/bin/env node
'use strict';
const pw = require('../lib');
const [cmd, name, ...rest] = process.argv.slice(2);
switch (cmd) {
  case 'start': {
    const [command, ...args] = rest;
    if (!name || !command) { console.error('usage: procwatch start <name> <command> [args...]'); process.exit(1); }
    console.log(pw.start(name, command, args));
    break;
  }
  case 'stop': console.log(pw.stop(name)); break;
  case 'status': console.log(pw.status(name)); break;
  default: console.log('usage: procwatch <start|stop|status> <name> ...');
}
