'use strict';
const fs = require('fs');
const path = require('path');
const { notify } = require('./notify');

const esc = (s) => String(s).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }[c]));

class JunitSummaryReporter {
  constructor(globalConfig, options = {}) {
    this.out = options.outputDirectory || 'reports';
    this.slack = options.slackWebhook || process.env.JEST_SLACK_WEBHOOK;
  }
  onRunComplete(_contexts, results) {
    fs.mkdirSync(this.out, { recursive: true });
    const suites = results.testResults.map((s) => {
      const cases = s.testResults.map((t) => `    <testcase name="${esc(t.fullName)}" time="${(t.duration || 0) / 1000}">${t.status === 'failed' ? `<failure>${esc(t.failureMessages.join('\n'))}</failure>` : ''}</testcase>`).join('\n');
      return `  <testsuite name="${esc(path.relative(process.cwd(), s.testFilePath))}" tests="${s.testResults.length}" failures="${s.numFailingTests}">\n${cases}\n  </testsuite>`;
    });
    fs.writeFileSync(path.join(this.out, 'junit.xml'), `<?xml version="1.0"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`);
    const md = `| passed | failed | total |\n|---|---|---|\n| ${results.numPassedTests} | ${results.numFailedTests} | ${results.numTotalTests} |\n`;
    fs.writeFileSync(path.join(this.out, 'summary.md'), md);
    return notify(this.slack, md);
  }
}
module.exports = JunitSummaryReporter;
