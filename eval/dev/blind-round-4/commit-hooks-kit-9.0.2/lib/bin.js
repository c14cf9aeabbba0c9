#!/usr/bin/env node
'use strict';
const { install, uninstall } = require('./index');
const cmd = process.argv[2] || 'install';
if (cmd === 'install') { if (install()) console.log('commit-hooks-kit: hooks installed'); }
else if (cmd === 'uninstall') uninstall();
else { console.error('usage: commit-hooks-kit [install|uninstall]'); process.exit(2); }
