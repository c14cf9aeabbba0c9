'use strict';
const path = require('path');

const c = {
  green: (s) => '\u001b[32m' + s + '\u001b[39m',
  red: (s) => '\u001b[31m' + s + '\u001b[39m',
  yellow: (s) => '\u001b[33m' + s + '\u001b[39m',
  dim: (s) => '\u001b[2m' + s + '\u001b[22m',
};

class CompactReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir;
    this.slowMs = options.slowMs || 1000;
    this.failures = [];
  }

  onTestResult(test, result) {
    const rel = path.relative(this.rootDir, result.testFilePath);
    const ms = result.perfStats.end - result.perfStats.start;
    const ok = result.numFailingTests === 0 && !result.testExecError;
    const mark = ok ? c.green('PASS') : c.red('FAIL');
    const slow = ms > this.slowMs ? c.yellow(' (' + ms + 'ms)') : '';
    process.stdout.write(mark + ' ' + rel + ' ' + c.dim(result.numPassingTests + '/' + result.testResults.length) + slow + '\n');
    for (const t of result.testResults) {
      if (t.status === 'failed') this.failures.push({ file: rel, title: t.fullName, messages: t.failureMessages });
    }
  }

  onRunComplete(contexts, results) {
    for (const f of this.failures) {
      process.stdout.write('\n' + c.red('● ') + f.title + c.dim('  ' + f.file) + '\n');
      for (const m of f.messages) process.stdout.write(m.split('\n').slice(0, 12).join('\n') + '\n');
    }
    const sum = results.numPassedTests + ' passed, ' + results.numFailedTests + ' failed, ' + results.numTotalTests + ' total';
    process.stdout.write('\n' + (results.numFailedTests ? c.red(sum) : c.green(sum)) + '\n');
  }
}

module.exports = CompactReporter;
