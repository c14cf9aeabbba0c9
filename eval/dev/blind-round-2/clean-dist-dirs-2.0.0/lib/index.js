'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const fg = require('fast-glob');

function assertSafe(target, cwd, force) {
  const abs = path.resolve(cwd, target);
  const home = os.homedir();
  if (abs === path.parse(abs).root) throw new Error(`refusing to delete filesystem root: ${abs}`);
  if (abs === home) throw new Error('refusing to delete the home directory');
  if (cwd === abs || cwd.startsWith(abs + path.sep)) throw new Error(`refusing to delete the current directory or its parents: ${abs}`);
  if (!force && !abs.startsWith(cwd + path.sep)) throw new Error(`${abs} is outside ${cwd}; pass --force to allow`);
  return abs;
}

async function clean(patterns, { cwd = process.cwd(), dryRun = false, force = false } = {}) {
  cwd = path.resolve(cwd);
  const matches = await fg(patterns, { cwd, dot: true, onlyFiles: false, markDirectories: false, absolute: false, followSymbolicLinks: false });
  const top = matches.sort((a, b) => a.length - b.length).filter((p, i, all) => !all.slice(0, i).some((q) => p.startsWith(q + '/')));
  const removed = [];
  for (const rel of top) {
    const abs = assertSafe(rel, cwd, force);
    if (!dryRun) await fs.promises.rm(abs, { recursive: true, force: true, maxRetries: 3 });
    removed.push(abs);
  }
  return removed;
}

module.exports = { clean };
