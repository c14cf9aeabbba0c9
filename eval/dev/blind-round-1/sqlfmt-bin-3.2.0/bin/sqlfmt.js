#!/usr/bin/env node
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const bin = process.env.SQLFMT_BINARY || path.join(__dirname, '..', 'vendor', process.platform === 'win32' ? 'sqlfmt.exe' : 'sqlfmt');
const r = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) { console.error(`sqlfmt: ${r.error.message} (was the postinstall step skipped?)`); process.exit(1); }
process.exit(r.status === null ? 1 : r.status);
