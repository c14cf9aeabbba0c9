'use strict';
const RANGES = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];
function field(s, [lo, hi]) {
  const out = new Set();
  for (const part of s.split(',')) {
    const [range, step = '1'] = part.split('/');
    let [a, b] = range === '*' ? [lo, hi] : range.split('-').map(Number);
    if (b === undefined) b = range.includes('-') ? hi : a;
    for (let i = a; i <= b; i += Number(step)) out.add(i);
  }
  return out;
}
function parse(expr) {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error('cron: expected 5 fields');
  return parts.map((p, i) => field(p, RANGES[i]));
}
function next(f, from) {
  const d = new Date(from.getTime()); d.setSeconds(0, 0); d.setMinutes(d.getMinutes() + 1);
  for (let i = 0; i < 527040; i++) {
    if (f[3].has(d.getMonth() + 1) && f[2].has(d.getDate()) && f[4].has(d.getDay()) && f[1].has(d.getHours()) && f[0].has(d.getMinutes())) return d.getTime();
    d.setMinutes(d.getMinutes() + 1);
  }
  throw new Error('cron: no match within a year');
}
module.exports = { parse, next };
