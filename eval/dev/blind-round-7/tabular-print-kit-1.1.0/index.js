'use strict';
const strip = (s) => String(s).replace(/\u001b\[[0-9;]*m/g, '');
function table(rows, { columns, align = {}, border = true, pad = 1 } = {}) {
  if (!rows.length) return '';
  const cols = columns || [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => cols.map((c) => (r[c] === undefined || r[c] === null ? '' : String(r[c]))));
  const widths = cols.map((c, i) => Math.max(strip(c).length, ...cells.map((row) => strip(row[i]).length)));
  const sp = ' '.repeat(pad);
  const fmt = (val, i) => {
    const w = widths[i], len = strip(val).length, a = align[cols[i]] || (/^-?\d+(\.\d+)?$/.test(val) ? 'right' : 'left');
    const gap = ' '.repeat(w - len);
    return a === 'right' ? gap + val : a === 'center' ? gap.slice(0, gap.length >> 1) + val + gap.slice(gap.length >> 1) : val + gap;
  };
  const line = (arr) => (border ? '|' : '') + arr.map((v, i) => sp + fmt(v, i) + sp).join(border ? '|' : ' ') + (border ? '|' : '');
  const sep = border ? '+' + widths.map((w) => '-'.repeat(w + pad * 2)).join('+') + '+' : '';
  const out = [sep, line(cols), sep, ...cells.map(line), sep].filter(Boolean);
  return out.join('\n');
}
module.exports = table;
module.exports.table = table;
