'use strict';

var PALETTE = {
  header: ['#0b7285', '\u001b[36m'],
  even: ['#495057', '\u001b[37m'],
  odd: ['#212529', '\u001b[90m'],
  number: ['#e67700', '\u001b[33m'],
  bool: ['#5f3dc4', '\u001b[35m']
};
var RESET = '\u001b[0m';

function pad(str, width) {
  str = String(str);
  while (str.length < width) str += ' ';
  return str;
}

function cellStyle(value) {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return null;
}

function columns(rows) {
  var cols = [];
  rows.forEach(function (row) {
    Object.keys(row).forEach(function (k) {
      if (cols.indexOf(k) === -1) cols.push(k);
    });
  });
  return cols;
}

function widths(rows, cols) {
  return cols.map(function (c) {
    return rows.reduce(function (w, r) {
      return Math.max(w, String(r[c] === undefined ? '' : r[c]).length);
    }, c.length);
  });
}

function toAnsi(rows) {
  var cols = columns(rows);
  var w = widths(rows, cols);
  var out = [PALETTE.header[1] + cols.map(function (c, i) { return pad(c, w[i]); }).join(' | ') + RESET];
  out.push(w.map(function (n) { return new Array(n + 1).join('-'); }).join('-+-'));
  rows.forEach(function (r, idx) {
    var base = PALETTE[idx % 2 ? 'odd' : 'even'][1];
    out.push(cols.map(function (c, i) {
      var v = r[c] === undefined ? '' : r[c];
      var s = cellStyle(v);
      return (s ? PALETTE[s][1] : base) + pad(v, w[i]) + RESET;
    }).join(' | '));
  });
  return out.join('\n');
}

function toCss(rows) {
  var cols = columns(rows);
  var w = widths(rows, cols);
  var fmt = [];
  var args = [];
  fmt.push(cols.map(function (c, i) { args.push('color:' + PALETTE.header[0] + ';font-weight:bold'); return '%c' + pad(c, w[i]); }).join(' '));
  rows.forEach(function (r, idx) {
    fmt.push(cols.map(function (c, i) {
      var v = r[c] === undefined ? '' : r[c];
      var s = cellStyle(v) || (idx % 2 ? 'odd' : 'even');
      args.push('color:' + PALETTE[s][0]);
      return '%c' + pad(v, w[i]);
    }).join(' '));
  });
  return [fmt.join('\n')].concat(args);
}

module.exports = { toAnsi: toAnsi, toCss: toCss, PALETTE: PALETTE };
