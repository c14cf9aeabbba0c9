#!/usr/bin/env node
'use strict';
const readline = require('readline');
const { release } = require('../lib');

const argv = process.argv.slice(2);
const opts = { kind: 'patch' };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (['major', 'minor', 'patch', 'prerelease'].includes(a) || /^\d+\.\d+\.\d+/.test(a)) opts.kind = a;
  else if (a === '--dry-run') opts.dryRun = true;
  else if (a === '--no-push') opts.push = false;
  else if (a === '--tag') opts.tag = argv[++i];
  else if (a === '--otp') opts.otp = argv[++i];
  else if (a === '--yes' || a === '-y') opts.yes = true;
}

async function confirm(question) {
  if (opts.yes || !process.stdin.isTTY) return true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise((r) => rl.question(question + ' [y/N] ', r));
  rl.close();
  return /^y(es)?$/i.test(answer);
}

(async () => {
  const plan = release(Object.assign({}, opts, { dryRun: true }));
  console.log(`${plan.name}: ${plan.from} -> ${plan.to}`);
  plan.notes.forEach((n) => console.log('  - ' + n));
  if (opts.dryRun) return;
  if (!(await confirm('Publish ' + plan.name + '@' + plan.to + '?'))) return;
  const done = release(opts);
  console.log(`published ${done.name}@${done.to}`);
})().catch((err) => {
  console.error('release-pilot: ' + err.message);
  process.exit(1);
});
