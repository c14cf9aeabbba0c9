"use strict";
const { enforce } = require("./license");
let licenseKey = null;
class GridPro {
  static setLicenseKey(k) { licenseKey = k; }
  constructor(el, opts) {
    this.el = el; this.opts = opts; this.lic = enforce(licenseKey);
    this.rows = (opts.rowData || []).slice(); this.cols = opts.columnDefs || [];
  }
  sortBy(field, dir = "asc") { const m = dir === "asc" ? 1 : -1; this.rows.sort((a, b) => (a[field] > b[field] ? m : a[field] < b[field] ? -m : 0)); return this; }
  filter(pred) { return this.rows.filter(pred); }
  toCsv() { const h = this.cols.map((c) => c.field); return [h.join(","), ...this.rows.map((r) => h.map((f) => JSON.stringify(r[f] ?? "")).join(","))].join("\n"); }
  watermark() { return this.lic.valid ? null : "GridPro Trial — for evaluation only"; }
}
module.exports = { GridPro };
