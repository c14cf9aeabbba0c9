#!/usr/bin/env node
'use strict';
const { spawnSync } = require('child_process');
const { binPath } = require('./bin-path');

const r = spawnSync(binPath('pngsquash'), process.argv.slice(2), { stdio: 'inherit' });
process.exit(r.status == null ? 1 : r.status);
