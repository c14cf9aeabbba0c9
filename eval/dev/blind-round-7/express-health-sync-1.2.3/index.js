'use strict';
const { runChecks } = require('./lib/checks');
const sync = require('./lib/sync');

module.exports = function health(app, { path = '/health', checks = {}, timeoutMs = 2000, version } = {}) {
  const started = Date.now();
  app.get(path + '/live', (req, res) => res.json({ status: 'up', uptime: Math.round((Date.now() - started) / 1000) }));
  app.get(path + '/ready', async (req, res) => {
    const results = await runChecks(checks, timeoutMs);
    const ok = Object.values(results).every((r) => r.status === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'up' : 'down', version, checks: results });
  });
  sync.install(app);
  return app;
};
