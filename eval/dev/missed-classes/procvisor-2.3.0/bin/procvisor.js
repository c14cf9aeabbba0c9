#!/usr/bin/env node
'use strict';
const pv = require('../lib');

const [cmd, name, script, ...rest] = process.argv.slice(2);
try {
  switch (cmd) {
    case 'start': {
      if (!name || !script) throw new Error('usage: procvisor start <name> <script> [args...]');
      const pid = pv.start(name, script, rest);
      console.log(`started ${name} (pid ${pid}); logs in ${pv.paths(name).out}`);
      break;
    }
    case 'stop':
      console.log(pv.stop(name) ? `stopped ${name}` : `${name} is not running`);
      break;
    case 'restart':
      console.log(`restarted ${name} (pid ${pv.restart(name)})`);
      break;
    case 'list':
    case 'ls':
      for (const app of pv.list()) console.log(`${app.online ? '●' : '○'} ${app.name.padEnd(20)} ${String(app.pid || '-').padEnd(8)} ${app.script}`);
      break;
    default:
      console.log('usage: procvisor <start|stop|restart|list> ...');
  }
} catch (err) {
  console.error('procvisor: ' + err.message);
  process.exit(1);
}
