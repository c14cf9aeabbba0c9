'use strict';
var _0x3f = ['R3JpZCBQcm8gRW50ZXJwcmlzZQ==', 'VHJpYWwgbGljZW5zZQ==', 'SW52YWxpZCBsaWNlbmNlIGtleQ==', 'TGljZW5jZSBleHBpcmVk'];
function _d(i) { return typeof atob === 'function' ? atob(_0x3f[i]) : Buffer.from(_0x3f[i], 'base64').toString(); }
var LicenseManager = (function () {
  var RELEASE = 1733500000000; // build timestamp
  var key = null, state = { valid: false, reason: 'missing', expiry: null };
  function md5ish(s) {
    var h1 = 0x811c9dc5, h2 = 0x01000193;
    for (var i = 0; i < s.length; i++) { h1 ^= s.charCodeAt(i); h1 = Math.imul(h1, 16777619) >>> 0; h2 = Math.imul(h2 ^ h1, 2246822507) >>> 0; }
    return (h1.toString(16) + h2.toString(16)).padStart(16, '0');
  }
  function decode(k) {
    var parts = String(k).split('_');
    if (parts.length < 2) return null;
    var body = parts.slice(0, -1).join('_'), sig = parts[parts.length - 1];
    if (md5ish(body).slice(0, sig.length) !== sig) return null;
    var fields = {};
    body.replace(/\[([^\]]+)\]([^\[]*)/g, function (_, k2, v) { fields[k2] = v; });
    return fields;
  }
  function validate() {
    var f = key && decode(key);
    if (!f) { state = { valid: false, reason: key ? 'invalid' : 'missing' }; return state; }
    var exp = Date.parse(f.v2 || f.expiry || '');
    if (!isNaN(exp) && exp < RELEASE) state = { valid: false, reason: 'expired', expiry: new Date(exp) };
    else state = { valid: true, reason: 'ok', expiry: isNaN(exp) ? null : new Date(exp), company: f.Company || f.company };
    return state;
  }
  function devtoolsOpen() {
    if (typeof window === 'undefined') return false;
    return (window.outerWidth - window.innerWidth > 160) || (window.outerHeight - window.innerHeight > 160);
  }
  function notice() {
    if (state.valid) return;
    var msg = _d(0) + ': ' + (state.reason === 'missing' ? _d(1) : state.reason === 'expired' ? _d(3) : _d(2));
    var lines = ['*'.repeat(64), '* ' + msg, '* Visit https://grid-pro.example.com/licensing to obtain a key.', '*'.repeat(64)];
    if (devtoolsOpen()) console.error(lines.join('\n')); else console.warn(msg);
  }
  return {
    setLicenseKey: function (k) { key = k; validate(); notice(); },
    isValid: function () { return state.valid; },
    getState: function () { return Object.assign({}, state); },
    watermark: function (el) {
      if (state.valid || !el || typeof document === 'undefined') return;
      var w = document.createElement('div');
      w.textContent = _d(0) + ' - ' + _d(1);
      w.setAttribute('style', 'position:absolute;bottom:8px;right:12px;opacity:.55;font:12px sans-serif;pointer-events:none');
      el.appendChild(w);
    }
  };
})();
function createGrid(container, options) {
  var rows = (options.rowData || []).slice(), cols = options.columnDefs || [];
  var api = {
    setRowData: function (r) { rows = r.slice(); render(); },
    sortBy: function (field, dir) { rows.sort(function (a, b) { return (a[field] > b[field] ? 1 : a[field] < b[field] ? -1 : 0) * (dir === 'desc' ? -1 : 1); }); render(); },
    groupBy: function (field) { var g = {}; rows.forEach(function (r) { (g[r[field]] = g[r[field]] || []).push(r); }); return g; },
    exportCsv: function () { return [cols.map(function (c) { return c.headerName || c.field; }).join(',')].concat(rows.map(function (r) { return cols.map(function (c) { return JSON.stringify(r[c.field] == null ? '' : r[c.field]); }).join(','); })).join('\n'); }
  };
  function render() {
    if (!container || typeof document === 'undefined') return;
    var html = '<table class="gp-grid"><thead><tr>' + cols.map(function (c) { return '<th>' + (c.headerName || c.field) + '</th>'; }).join('') + '</tr></thead><tbody>';
    html += rows.map(function (r) { return '<tr>' + cols.map(function (c) { return '<td>' + String(r[c.field] == null ? '' : r[c.field]).replace(/[&<>]/g, function (ch) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;' }[ch]; }) + '</td>'; }).join('') + '</tr>'; }).join('');
    container.innerHTML = html + '</tbody></table>';
    LicenseManager.watermark(container);
  }
  render();
  return api;
}
exports.LicenseManager = LicenseManager;
exports.createGrid = createGrid;
