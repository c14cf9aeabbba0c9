#!/usr/bin/env node
const path = require('path'), { spawnSync } = require('child_process');
const exe = path.join(__dirname, process.platform === 'win32' ? 'turbo-lint.exe' : 'turbo-lint');
const r = spawnSync(exe, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) { console.error('turbo-lint binary missing; reinstall the package'); process.exit(1); }
process.exit(r.status);
