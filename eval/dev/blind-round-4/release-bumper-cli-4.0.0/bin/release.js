#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const readline = require('readline');

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
const out = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();

function bump(v, kind) {
  const [maj, min, pat] = v.split('-')[0].split('.').map(Number);
  if (kind === 'major') return `${maj + 1}.0.0`;
  if (kind === 'minor') return `${maj}.${min + 1}.0`;
  if (kind === 'patch') return `${maj}.${min}.${pat + 1}`;
  if (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(kind)) return kind;
  throw new Error('usage: release-bumper <major|minor|patch|x.y.z> [--dry-run] [--otp=123456]');
}

async function confirm(q) {
  if (process.argv.includes('--yes')) return true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const a = await new Promise((r) => rl.question(q + ' (y/N) ', r));
  rl.close();
  return /^y(es)?$/i.test(a);
}

(async () => {
  const kind = process.argv[2];
  const dry = process.argv.includes('--dry-run');
  const otp = (process.argv.find((a) => a.startsWith('--otp=')) || '').slice(6);
  const pkgPath = path.resolve('package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  if (out('git', ['status', '--porcelain'])) throw new Error('working tree is not clean');
  const next = bump(pkg.version, kind);
  if (!(await confirm(`Release ${pkg.name} ${pkg.version} → ${next}?`))) return;
  run('npm', ['test']);
  pkg.version = next;
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  run('git', ['commit', '-am', `v${next}`]);
  run('git', ['tag', `v${next}`]);
  const args = ['publish'];
  if (dry) args.push('--dry-run');
  if (otp) args.push('--otp', otp);
  if (pkg.publishConfig && pkg.publishConfig.provenance) args.push('--provenance');
  run('npm', args);
  if (!dry) run('git', ['push', '--follow-tags']);
})().catch((e) => { console.error('release-bumper: ' + e.message); process.exit(1); });
