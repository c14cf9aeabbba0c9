#!/usr/bin/env node
'use strict';
const daemon = require('../lib/daemon');
const startup = require('../lib/startup');
const [cmd, ...args] = process.argv.slice(2);
switch (cmd) {
  case 'start': console.log(daemon.start(args[0], { name: args[1] })); break;
  case 'stop': daemon.stop(args[0]); break;
  case 'list': console.table(daemon.list()); break;
  case 'startup': console.log(startup.install({ dryRun: args.includes('--dry-run') })); break;
  case 'unstartup': startup.uninstall(); break;
  default: console.log('usage: procwarden <start script [name]|stop name|list|startup|unstartup>');
}
