'use strict';
const RE = /^(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?$/;
function parse(v) { const m = RE.exec(v); if (!m) throw new TypeError('invalid version ' + v); return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] || '' }; }
function cmp(a, b) { a = parse(a); b = parse(b); return a.major - b.major || a.minor - b.minor || a.patch - b.patch || (a.pre === b.pre ? 0 : !a.pre ? 1 : !b.pre ? -1 : a.pre < b.pre ? -1 : 1); }
function caretUpper(v) { const p = parse(v); return p.major ? `${p.major + 1}.0.0` : p.minor ? `0.${p.minor + 1}.0` : `0.0.${p.patch + 1}`; }
function toInterval(r) {
  r = r.trim();
  if (r.startsWith('^')) return [r.slice(1), caretUpper(r.slice(1))];
  if (r.startsWith('~')) { const p = parse(r.slice(1)); return [r.slice(1), `${p.major}.${p.minor + 1}.0`]; }
  return [r, r];
}
function intersects(a, b) { const [al, ah] = toInterval(a), [bl, bh] = toInterval(b); return cmp(al, bh) < 0 && cmp(bl, ah) < 0 || cmp(al, bl) === 0; }
module.exports = { parse, cmp, intersects, toInterval };
