'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const RETRY_CODES = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);

function isRoot(p) {
  const resolved = path.resolve(p);
  return resolved === path.parse(resolved).root;
}

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
      else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if ('\\^$+.()|{}[]'.includes(c)) re += '\\' + c;
    else re += c;
  }
  return new RegExp('^' + re + '$');
}

function expand(pattern, cwd) {
  if (!/[*?]/.test(pattern)) return [path.resolve(cwd, pattern)];
  const base = pattern.split('/').filter((seg) => !/[*?]/.test(seg));
  const staticPart = [];
  for (const seg of pattern.split('/')) { if (/[*?]/.test(seg)) break; staticPart.push(seg); }
  const root = path.resolve(cwd, staticPart.join('/') || '.');
  const re = globToRegExp(path.relative(root, path.resolve(cwd, pattern)).split(path.sep).join('/'));
  const out = [];
  (function walk(dir) {
    let ents;
    try { ents = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { return; }
    for (const e of ents) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (re.test(rel)) out.push(full);
      else if (e.isDirectory() && !e.isSymbolicLink()) walk(full);
    }
  })(root);
  void base;
  return out;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function removeSync(target, opts = {}) {
  const { preserveRoot = true, maxRetries = 5, dryRun = false } = opts;
  if (preserveRoot && (isRoot(target) || path.resolve(target) === os.homedir())) {
    throw new Error('refusing to remove ' + target + ' (use --no-preserve-root to override)');
  }
  if (dryRun) return [target];
  for (let attempt = 0; ; attempt++) {
    try {
      fs.rmSync(target, { recursive: true, force: true });
      return [target];
    } catch (err) {
      if (!RETRY_CODES.has(err.code) || attempt >= maxRetries) throw err;
      if (err.code === 'EPERM' && process.platform === 'win32') {
        try { fs.chmodSync(target, 0o666); } catch (e) {}
      }
      sleep(100 * (attempt + 1));
    }
  }
}

function rmrf(patterns, opts = {}) {
  const cwd = opts.cwd || process.cwd();
  const removed = [];
  for (const p of [].concat(patterns)) {
    for (const target of expand(p, cwd)) removed.push(...removeSync(target, opts));
  }
  return removed;
}

module.exports = rmrf;
module.exports.sync = rmrf;
module.exports.removeSync = removeSync;
module.exports.expand = expand;
