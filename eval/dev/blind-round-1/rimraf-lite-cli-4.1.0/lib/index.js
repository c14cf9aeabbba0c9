'use strict';
const fs = require('fs');
const path = require('path');

const RETRY_CODES = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);

function assertSafe(target, { preserveRoot = true } = {}) {
  const abs = path.resolve(target);
  if (preserveRoot && (abs === path.parse(abs).root || abs === require('os').homedir())) {
    throw new Error(`refusing to remove ${abs} (use --no-preserve-root to override)`);
  }
  return abs;
}

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

function expand(pattern, cwd) {
  if (!/[*?]/.test(pattern)) return [pattern];
  const parts = pattern.split('/');
  const baseParts = [];
  while (parts.length && !/[*?]/.test(parts[0])) baseParts.push(parts.shift());
  const base = path.resolve(cwd, baseParts.join('/') || '.');
  const re = globToRegExp(parts.join('/'));
  const out = [];
  const walk = (dir, rel) => {
    let entries = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const r = rel ? rel + '/' + e.name : e.name;
      if (re.test(r)) out.push(path.join(base, r));
      else if (e.isDirectory()) walk(path.join(dir, e.name), r);
    }
  };
  walk(base, '');
  return out;
}

async function removeOne(target, { retries = 10, dryRun = false, log = () => {} } = {}) {
  if (dryRun) { log(`would remove ${target}`); return; }
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.promises.rm(target, { recursive: true, force: true });
      log(`removed ${target}`);
      return;
    } catch (err) {
      if (!RETRY_CODES.has(err.code) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
}

async function rimraf(patterns, opts = {}) {
  const cwd = opts.cwd || process.cwd();
  const targets = [].concat(patterns).flatMap((p) => expand(p, cwd)).map((t) => assertSafe(path.resolve(cwd, t), opts));
  for (const t of targets) await removeOne(t, opts);
  return targets;
}

module.exports = { rimraf, expand, assertSafe };
