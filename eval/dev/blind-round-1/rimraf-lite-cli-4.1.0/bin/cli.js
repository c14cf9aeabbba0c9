#!/usr/bin/env node
'use strict';
const { rimraf } = require('../lib');

const args = process.argv.slice(2);
const opts = { preserveRoot: true, dryRun: false, verbose: false };
const paths = [];
for (const a of args) {
  if (a === '--no-preserve-root') opts.preserveRoot = false;
  else if (a === '-n' || a === '--dry-run') opts.dryRun = true;
  else if (a === '-v' || a === '--verbose') opts.verbose = true;
  else if (a === '-h' || a === '--help') {
    console.log('usage: rimraf-lite [-n|--dry-run] [-v] [--no-preserve-root] <path|glob> ...');
    process.exit(0);
  } else paths.push(a);
}
if (!paths.length) { console.error('rimraf-lite: no paths given'); process.exit(1); }
opts.log = opts.verbose || opts.dryRun ? console.log : () => {};
rimraf(paths, opts).catch((e) => { console.error('rimraf-lite: ' + e.message); process.exit(1); });
