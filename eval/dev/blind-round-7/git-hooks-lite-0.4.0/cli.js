#!/usr/bin/env node
'use strict';
const { install, uninstall } = require('./index');
const [cmd, flag] = process.argv.slice(2);
const project = process.env.INIT_CWD || process.cwd();
if (flag === '--from-postinstall') {
  if (process.env.CI || process.env.GIT_HOOKS_LITE_SKIP || require('path').resolve(project) === require('path').resolve(__dirname)) process.exit(0);
}
try {
  if (cmd === 'uninstall') { uninstall(project); console.log('git-hooks-lite: removed'); }
  else { const r = install(project); console.log('git-hooks-lite:', r.skipped || `installed ${r.hooks.join(', ') || 'no hooks'}`); }
} catch (e) {
  console.warn('git-hooks-lite:', e.message);
}
