'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const DEFAULT_TARGETS = ['node_modules', 'dist', 'build', '.cache', '.turbo', '.next', 'coverage', '.parcel-cache'];

function assertSafeRoot(root) {
  const abs = path.resolve(root);
  const forbidden = new Set([path.parse(abs).root, os.homedir(), path.dirname(os.homedir()), '/usr', '/etc', '/var', 'C:\\Windows']);
  if (forbidden.has(abs)) throw new Error(`refusing to clean ${abs}`);
  if (!fs.existsSync(path.join(abs, 'package.json'))) throw new Error(`${abs} has no package.json; pass a project root`);
  return abs;
}

function size(p) {
  let total = 0;
  const stack = [p];
  while (stack.length) {
    const cur = stack.pop();
    let st; try { st = fs.lstatSync(cur); } catch (e) { continue; }
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) { for (const n of fs.readdirSync(cur)) stack.push(path.join(cur, n)); } else total += st.size;
  }
  return total;
}

function find(root, targets) {
  const found = [];
  const walk = dir => {
    let entries; try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { return; }
    for (const e of entries) {
      if (!e.isDirectory() || e.isSymbolicLink()) continue;
      const p = path.join(dir, e.name);
      if (targets.includes(e.name)) found.push(p);
      else if (e.name !== '.git') walk(p);
    }
  };
  walk(root);
  return found;
}

function confirm(q) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise(r => rl.question(q, a => { rl.close(); r(/^y(es)?$/i.test(a)); }));
}

async function clean({ root = process.cwd(), targets = DEFAULT_TARGETS, dryRun = false, yes = false } = {}) {
  const abs = assertSafeRoot(root);
  const dirs = find(abs, targets).filter(p => p.startsWith(abs + path.sep));
  let bytes = 0;
  for (const d of dirs) bytes += size(d);
  if (!dryRun && dirs.length && !yes && process.stdin.isTTY) {
    if (!(await confirm(`Delete ${dirs.length} folder(s) under ${abs}? [y/N] `))) return { removed: [], bytes: 0 };
  }
  if (!dryRun) for (const d of dirs) fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
  return { removed: dirs, bytes };
}
module.exports = { clean, find, assertSafeRoot, DEFAULT_TARGETS };
