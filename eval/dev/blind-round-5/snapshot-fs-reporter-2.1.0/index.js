"use strict";
const fs = require("fs"), path = require("path");
class SnapshotReporter {
  constructor(globalConfig, options = {}) { this.out = options.outputFile || "reports/junit.xml"; this.snapDir = options.snapshotDir || "__snapshots__"; this.results = []; this.ci = !!process.env.CI; }
  onTestResult(test, result) { this.results.push({ file: path.relative(process.cwd(), test.path), tests: result.testResults }); }
  onRunComplete(contexts, agg) {
    const esc = (s) => String(s).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" }[c]));
    const suites = this.results.map((r) => `  <testsuite name="${esc(r.file)}" tests="${r.tests.length}" failures="${r.tests.filter((t) => t.status === "failed").length}">\n` + r.tests.map((t) => `    <testcase name="${esc(t.fullName)}" time="${(t.duration || 0) / 1000}">${t.status === "failed" ? `<failure>${esc(t.failureMessages.join("\n"))}</failure>` : ""}</testcase>`).join("\n") + "\n  </testsuite>");
    fs.mkdirSync(path.dirname(this.out), { recursive: true });
    fs.writeFileSync(this.out, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${agg.numTotalTests}">\n${suites.join("\n")}\n</testsuites>\n`);
    if (!this.ci && agg.snapshot && agg.snapshot.filesRemovedList) {
      for (const f of agg.snapshot.filesRemovedList) { try { fs.rmSync(f, { force: true }); } catch (e) {} }
    }
    // prune empty snapshot directories left behind by deleted tests
    const prune = (d) => { if (!fs.existsSync(d)) return; for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) { if (e.name === "node_modules" || e.name === ".git") continue; prune(p); if (e.name === this.snapDir && fs.readdirSync(p).length === 0) fs.rmdirSync(p); } } };
    prune(process.cwd());
  }
}
module.exports = SnapshotReporter;
