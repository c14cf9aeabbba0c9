#!/usr/bin/env node
const { report, summary } = require("../lib");
const rows = report();
for (const r of rows) console.log(`${r.status.padEnd(9)} ${r.name.padEnd(30)} ${r.installed || "-"}  ${r.license || ""}${r.deprecated ? "  (deprecated)" : ""}`);
console.log(JSON.stringify(summary(rows)));
