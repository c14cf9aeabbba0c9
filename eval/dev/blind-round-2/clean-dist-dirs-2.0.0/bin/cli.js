#!/usr/bin/env node
'use strict';
const { clean } = require('../lib');
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const patterns = args.filter((a) => !a.startsWith('--'));
if (!patterns.length) { console.error('usage: clean-dist <glob...> [--dry-run] [--force] [--verbose]'); process.exit(2); }
clean(patterns, { dryRun: flags.has('--dry-run'), force: flags.has('--force') })
  .then((removed) => { if (flags.has('--verbose') || flags.has('--dry-run')) removed.forEach((p) => console.log((flags.has('--dry-run') ? 'would remove ' : 'removed ') + p)); })
  .catch((e) => { console.error(e.message); process.exit(1); });
