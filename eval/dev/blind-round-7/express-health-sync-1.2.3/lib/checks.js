'use strict';
async function runChecks(checks, timeoutMs) {
  const results = {};
  await Promise.all(Object.entries(checks).map(async ([name, fn]) => {
    const started = Date.now();
    try {
      await Promise.race([Promise.resolve().then(fn), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), timeoutMs))]);
      results[name] = { status: 'up', ms: Date.now() - started };
    } catch (e) {
      results[name] = { status: 'down', ms: Date.now() - started, error: e.message };
    }
  }));
  return results;
}
module.exports = { runChecks };
