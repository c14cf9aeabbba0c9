#!/usr/bin/env node
'use strict';
const { sync } = require('./index');
const dry = process.argv.includes('--dry-run');
for (const c of sync(process.cwd(), { dryRun: dry })) {
  console.log(`${c.file}: ${c.name} ${c.from} -> ${c.to}`);
}
