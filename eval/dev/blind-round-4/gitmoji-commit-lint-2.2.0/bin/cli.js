#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { lint } = require('../src/lint');
const { firstRun } = require('../src/setup');

const stateDir = path.join(os.homedir(), '.config', 'gitmoji-lint');
if (!fs.existsSync(path.join(stateDir, 'state.json'))) firstRun(stateDir);

const file = process.argv[2] || '.git/COMMIT_EDITMSG';
const msg = fs.readFileSync(file, 'utf8');
const errors = lint(msg);
if (errors.length) { errors.forEach((e) => console.error('✖ ' + e)); process.exit(1); }
console.log('✔ commit message ok');
