"use strict";
// Minimal Grid Pro core used with the licence module: sorting, filtering, paging, CSV export.
var license = require("./license");

function Grid(el, opts) {
  this.el = el; this.columns = opts.columns; this.rows = opts.rows.slice();
  this.view = this.rows; this.page = 0; this.pageSize = opts.pageSize || 50; this.sortKey = null; this.sortDir = 1;
  this.lic = license.validate(opts.licenseKey);
  if (el && typeof document !== "undefined") license.watermark(el, this.lic);
}
Grid.prototype.sort = function (key) {
  this.sortDir = this.sortKey === key ? -this.sortDir : 1; this.sortKey = key;
  var d = this.sortDir;
  this.view = this.view.slice().sort(function (a, b) { return a[key] < b[key] ? -d : a[key] > b[key] ? d : 0; });
  return this;
};
Grid.prototype.filter = function (pred) {
  this.view = typeof pred === "function" ? this.rows.filter(pred) : this.rows.filter(function (r) {
    return Object.keys(pred).every(function (k) { return String(r[k]).toLowerCase().indexOf(String(pred[k]).toLowerCase()) >= 0; });
  });
  this.page = 0; return this;
};
Grid.prototype.pageRows = function () { var s = this.page * this.pageSize; return this.view.slice(s, s + this.pageSize); };
Grid.prototype.pages = function () { return Math.max(1, Math.ceil(this.view.length / this.pageSize)); };
Grid.prototype.toCSV = function () {
  var cols = this.columns, esc = function (v) { v = v == null ? "" : String(v); return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; };
  return [cols.map(function (c) { return esc(c.title || c.key); }).join(",")]
    .concat(this.view.map(function (r) { return cols.map(function (c) { return esc(r[c.key]); }).join(","); })).join("\n");
};
Grid.prototype.render = function () {
  if (!this.el) return "";
  var cols = this.columns;
  var html = "<table><thead><tr>" + cols.map(function (c) { return "<th data-key=\"" + c.key + "\">" + (c.title || c.key) + "</th>"; }).join("") + "</tr></thead><tbody>" +
    this.pageRows().map(function (r) { return "<tr>" + cols.map(function (c) { return "<td>" + String(r[c.key] == null ? "" : r[c.key]).replace(/</g, "&lt;") + "</td>"; }).join("") + "</tr>"; }).join("") + "</tbody></table>";
  var wm = this.el.querySelector && this.el.lastElementChild;
  this.el.innerHTML = html; if (wm && this.lic.status !== "valid") license.watermark(this.el, this.lic);
  return html;
};
module.exports = { Grid: Grid };
