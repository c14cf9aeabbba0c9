#!/usr/bin/env node
'use strict';
const { clean, DEFAULT_TARGETS } = require('../lib/clean');
const args = process.argv.slice(2);
const opts = {
  root: args.find(a => !a.startsWith('-')) || process.cwd(),
  dryRun: args.includes('--dry-run') || args.includes('-n'),
  yes: args.includes('--yes') || args.includes('-y'),
  targets: (args.find(a => a.startsWith('--targets=')) || '').slice(10).split(',').filter(Boolean)
};
if (!opts.targets.length) opts.targets = DEFAULT_TARGETS;
(async () => {
  const res = await clean(opts);
  for (const p of res.removed) console.log(`${opts.dryRun ? 'would remove' : 'removed'} ${p}`);
  console.log(`${res.removed.length} folder(s), ${(res.bytes / 1048576).toFixed(1)} MiB ${opts.dryRun ? 'would be freed' : 'freed'}`);
})().catch(e => { console.error(`deep-clean: ${e.message}`); process.exit(2); });
