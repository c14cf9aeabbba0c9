'use strict';
const fs = require('fs'), path = require('path'), os = require('os');
const PROTECTED = new Set([path.parse(process.cwd()).root, os.homedir()].map(p => path.resolve(p)));
function assertSafe(target, { allowOutsideCwd }) {
  const abs = path.resolve(target);
  if (PROTECTED.has(abs)) throw new Error(`del-tree: refusing to delete protected path ${abs}`);
  if (!allowOutsideCwd && !abs.startsWith(process.cwd() + path.sep)) throw new Error(`del-tree: ${abs} is outside the current working directory (pass --allow-outside-cwd)`);
  return abs;
}
function globToRe(g) { return new RegExp('^' + g.split('*').map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$'); }
function expand(pattern) {
  if (!pattern.includes('*')) return [pattern];
  const dir = path.dirname(pattern), re = globToRe(path.basename(pattern));
  try { return fs.readdirSync(dir).filter(n => re.test(n)).map(n => path.join(dir, n)); } catch { return []; }
}
async function delTree(patterns, opts = {}) {
  const removed = [];
  for (const p of [].concat(patterns)) for (const t of expand(p)) {
    const abs = assertSafe(t, opts);
    if (opts.dryRun) { removed.push(abs); continue; }
    await fs.promises.rm(abs, { recursive: true, force: true, maxRetries: process.platform === 'win32' ? 10 : 0, retryDelay: 100 });
    removed.push(abs);
  }
  return removed;
}
module.exports = { delTree, sync: (p, o = {}) => [].concat(p).flatMap(expand).map(t => { const a = assertSafe(t, o); if (!o.dryRun) fs.rmSync(a, { recursive: true, force: true }); return a; }) };
