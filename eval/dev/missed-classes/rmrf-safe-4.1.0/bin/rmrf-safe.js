#!/usr/bin/env node
'use strict';
const rmrf = require('../lib');

const args = process.argv.slice(2);
const opts = { preserveRoot: true, dryRun: false };
const targets = [];
for (const a of args) {
  if (a === '--no-preserve-root') opts.preserveRoot = false;
  else if (a === '-n' || a === '--dry-run') opts.dryRun = true;
  else if (a === '-h' || a === '--help') {
    console.log('usage: rmrf-safe [--dry-run] [--no-preserve-root] <path|glob>...');
    process.exit(0);
  } else targets.push(a);
}
if (!targets.length) {
  console.error('rmrf-safe: no paths given');
  process.exit(1);
}
try {
  const removed = rmrf(targets, opts);
  if (opts.dryRun) removed.forEach((p) => console.log('would remove ' + p));
} catch (err) {
  console.error('rmrf-safe: ' + err.message);
  process.exit(1);
}
