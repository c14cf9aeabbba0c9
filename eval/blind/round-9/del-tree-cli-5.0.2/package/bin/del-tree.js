#!/usr/bin/env node
const { delTree } = require('..');
const args = process.argv.slice(2);
const opts = { dryRun: args.includes('--dry-run'), allowOutsideCwd: args.includes('--allow-outside-cwd') };
const targets = args.filter(a => !a.startsWith('--'));
if (!targets.length) { console.error('usage: del-tree [--dry-run] <path|glob>...'); process.exit(2); }
delTree(targets, opts).then(r => { if (opts.dryRun) r.forEach(p => console.log('would delete', p)); }).catch(e => { console.error(e.message); process.exit(1); });
