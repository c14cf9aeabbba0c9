"use strict";
const fs = require("fs");
const path = require("path");
const { resolveSync } = require("./resolve");
require("./sync");

const COPYLEFT = /^(A?GPL|LGPL|MPL|EPL|CDDL)/i;

function cmp(a, b) {
  const pa = a.split(/[.-]/).map((x) => (isNaN(x) ? x : +x));
  const pb = b.split(/[.-]/).map((x) => (isNaN(x) ? x : +x));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i] ? 1 : -1;
  return 0;
}

function report(root = process.cwd()) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const deps = Object.assign({}, pkg.dependencies, pkg.devDependencies);
  const rows = [];
  for (const [name, range] of Object.entries(deps)) {
    const info = resolveSync(root, name);
    if (!info) { rows.push({ name, range, status: "missing" }); continue; }
    const wanted = range.replace(/^[\^~>=<\s]+/, "");
    rows.push({
      name, range, installed: info.version,
      status: cmp(info.version, wanted) < 0 ? "outdated" : "ok",
      deprecated: !!info.deprecated,
      license: info.license || "UNKNOWN",
      copyleft: COPYLEFT.test(info.license || "")
    });
  }
  return rows;
}

function summary(rows) {
  const c = (s) => rows.filter((r) => r.status === s).length;
  return { total: rows.length, ok: c("ok"), outdated: c("outdated"), missing: c("missing"),
    deprecated: rows.filter((r) => r.deprecated).length, copyleft: rows.filter((r) => r.copyleft).map((r) => r.name) };
}

module.exports = { report, summary, cmp };
