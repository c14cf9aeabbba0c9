'use strict';
const https = require('https');

class SlackSummaryReporter {
  constructor(_globalConfig, options = {}) {
    this.webhook = options.webhook || process.env.SLACK_WEBHOOK_URL;
    this.onlyOnFailure = options.onlyOnFailure !== false;
    this.title = options.title || process.env.GITHUB_REPOSITORY || 'jest';
  }

  onRunComplete(_ctx, results) {
    if (!this.webhook) return undefined;
    if (this.onlyOnFailure && results.numFailedTests === 0) return undefined;
    const failed = results.testResults
      .flatMap((s) => s.testResults.filter((t) => t.status === 'failed').map((t) => `• ${t.fullName}`))
      .slice(0, 20);
    const runUrl = process.env.GITHUB_SERVER_URL && process.env.GITHUB_RUN_ID
      ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : null;
    const text = [
      `*${this.title}*: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numTotalTests} total`,
      ...failed,
      runUrl ? `<${runUrl}|open run>` : '',
    ].filter(Boolean).join('\n');
    const u = new URL(this.webhook);
    return new Promise((resolve) => {
      const req = https.request({ hostname: u.hostname, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 5000 }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', (e) => { console.warn('jest-slack-summary: ' + e.message); resolve(); });
      req.on('timeout', () => req.destroy());
      req.end(JSON.stringify({ text }));
    });
  }
}
module.exports = SlackSummaryReporter;
