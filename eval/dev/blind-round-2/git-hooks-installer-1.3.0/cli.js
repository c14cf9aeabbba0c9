#!/usr/bin/env node
'use strict';
const { install, uninstall } = require('./index');
const cmd = process.argv[2] || 'install';
try {
  if (cmd === 'uninstall') { uninstall(process.cwd()); console.log('[git-hooks] removed'); }
  else { const n = install(process.cwd()); if (n !== null) console.log(`[git-hooks] installed ${n} hook(s)`); }
} catch (e) { console.error('[git-hooks] ' + e.message); process.exitCode = 1; }
