'use strict';
const os = require('os');

function memory() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

function system() {
  return { load: os.loadavg(), free: os.freemem(), total: os.totalmem(), uptime: os.uptime(), cpus: os.cpus().length };
}

async function runChecks(checks, timeoutMs) {
  const results = {};
  let ok = true;
  await Promise.all(Object.entries(checks).map(async ([name, fn]) => {
    const started = Date.now();
    try {
      await Promise.race([Promise.resolve().then(fn), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), timeoutMs))]);
      results[name] = { status: 'up', ms: Date.now() - started };
    } catch (e) {
      ok = false;
      results[name] = { status: 'down', ms: Date.now() - started, error: e.message };
    }
  }));
  return { ok, results };
}

module.exports = { memory, system, runChecks };
