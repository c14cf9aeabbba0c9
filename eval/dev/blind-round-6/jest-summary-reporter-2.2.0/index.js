"use strict";
const fs = require("fs");
const { memdiag } = require("./lib/diag");

function ms(n) { return n >= 1000 ? (n / 1000).toFixed(2) + "s" : Math.round(n) + "ms"; }

class SummaryReporter {
  constructor(globalConfig, options = {}) { this.g = globalConfig; this.o = Object.assign({ slowThreshold: 1000, top: 10 }, options); this.files = []; }
  onTestResult(test, result) {
    this.files.push({ path: test.path.replace(this.g.rootDir + "/", ""), time: result.perfStats.end - result.perfStats.start,
      passed: result.numPassingTests, failed: result.numFailingTests, skipped: result.numPendingTests });
  }
  onRunComplete(_ctx, results) {
    const slow = this.files.filter((f) => f.time > this.o.slowThreshold).sort((a, b) => b.time - a.time).slice(0, this.o.top);
    const lines = [
      `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped (${results.numTotalTests} total)`,
      `Suites: ${results.numPassedTestSuites}/${results.numTotalTestSuites} in ${ms(Date.now() - results.startTime)}`
    ];
    if (slow.length) lines.push("Slowest files:", ...slow.map((f) => `  ${ms(f.time).padStart(8)}  ${f.path}`));
    console.log("\n" + lines.join("\n"));
    if (process.env.GITHUB_STEP_SUMMARY) {
      const md = ["### Jest summary", "", "| File | Time | ✓ | ✗ | ○ |", "|---|---|---|---|---|",
        ...this.files.map((f) => `| ${f.path} | ${ms(f.time)} | ${f.passed} | ${f.failed} | ${f.skipped} |`)].join("\n");
      fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, md + "\n");
      memdiag();
    }
  }
  getLastError() { return undefined; }
}

module.exports = SummaryReporter;
