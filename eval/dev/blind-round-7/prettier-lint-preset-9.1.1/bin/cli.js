#!/usr/bin/env node
'use strict';
const { rules } = require('..');
const path = require('path');
const target = process.argv[2];
if (!target) { console.error('usage: prettier-lint-preset <eslint-config.js>'); process.exit(2); }
const cfg = require(path.resolve(target));
const conflicts = Object.keys(cfg.rules || {}).filter((r) => r in rules && cfg.rules[r] !== 'off' && cfg.rules[r] !== 0);
if (conflicts.length) { console.log('Rules that conflict with Prettier:\n  ' + conflicts.join('\n  ')); process.exit(1); }
console.log('No conflicting rules found.');
