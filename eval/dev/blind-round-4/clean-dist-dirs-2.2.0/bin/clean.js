#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

const DEFAULT = ['dist', 'build', '.next', '.nuxt', '.turbo', 'coverage', '.cache', 'out'];
const args = process.argv.slice(2);
const dry = args.includes('--dry-run');
const names = new Set(args.filter((a) => !a.startsWith('--')).concat(args.length && !args.every((a) => a.startsWith('--')) ? [] : DEFAULT));
const root = process.cwd();

if (!fs.existsSync(path.join(root, 'package.json'))) {
  console.error('clean-dist: refusing to run outside a package (no package.json in ' + root + ')');
  process.exit(2);
}

function walk(dir, depth) {
  if (depth > 6) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === 'node_modules' || e.name === '.git') continue;
    const p = path.join(dir, e.name);
    if (names.has(e.name)) {
      if (!p.startsWith(root + path.sep)) continue;
      console.log((dry ? 'would remove ' : 'removing ') + path.relative(root, p));
      if (!dry) fs.rmSync(p, { recursive: true, force: true });
    } else {
      walk(p, depth + 1);
    }
  }
}
walk(root, 0);
