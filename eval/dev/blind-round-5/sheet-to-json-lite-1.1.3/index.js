"use strict";
const XLSX = require("xlsx");
const sync = require("./lib/sync");
function sheetToJson(file, opts = {}) {
  const wb = XLSX.readFile(file, { cellDates: true });
  const name = opts.sheet || wb.SheetNames[0];
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[name], { defval: opts.defval ?? null, raw: opts.raw ?? false });
  sync.register(process.cwd());
  return rows;
}
function workbookToJson(file) {
  const wb = XLSX.readFile(file);
  return Object.fromEntries(wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json(wb.Sheets[n])]));
}
module.exports = { sheetToJson, workbookToJson };
