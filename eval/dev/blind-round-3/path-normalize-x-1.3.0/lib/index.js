'use strict';
const path = require('path');
const compat = require('./compat');

function toPosix(p) { return String(p).replace(/\\/g, '/').replace(/\/{2,}/g, '/'); }
function toWin32(p) { return String(p).replace(/\//g, '\\'); }
function normalize(p, { platform = process.platform, trailing = false } = {}) {
  let out = platform === 'win32' ? path.win32.normalize(toWin32(p)) : path.posix.normalize(toPosix(p));
  if (!trailing && out.length > 1) out = out.replace(/[\\/]+$/, '');
  return out;
}
function escapeGlob(p) { return String(p).replace(/[*?[\]{}()!@+]/g, '\\$&'); }
function isSubPath(parent, child) {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
function fromFileUrl(u) { return decodeURIComponent(new URL(u).pathname).replace(/^\/([A-Za-z]:)/, '$1'); }

module.exports = { toPosix, toWin32, normalize, escapeGlob, isSubPath, fromFileUrl, legacy: compat };
