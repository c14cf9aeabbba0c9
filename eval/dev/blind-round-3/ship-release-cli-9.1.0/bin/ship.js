#!/usr/bin/env node
'use strict';
const { release } = require('../lib/release');
const args = process.argv.slice(2);
const bump = args.find(a => /^(patch|minor|major|prerelease|\d+\.\d+\.\d+.*)$/.test(a)) || 'patch';
release({ bump, dryRun: args.includes('--dry-run'), tag: (args.find(a => a.startsWith('--tag=')) || '--tag=latest').slice(6), yes: args.includes('--yes') })
  .catch(e => { console.error(`ship: ${e.message}`); process.exit(1); });
