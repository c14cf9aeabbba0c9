'use strict';
const { syncChannel } = require('./channel');
const { validator } = require('./validate');

function toExpressPath(p) { return p.replace(/\{([^}]+)\}/g, ':$1'); }

function apiSync(app, spec, handlers = {}) {
  const registered = [];
  for (const [p, ops] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const h = handlers[op.operationId];
      if (!h || typeof app[method] !== 'function') continue;
      app[method](toExpressPath(p), validator(spec, op, ops), h);
      registered.push(`${method.toUpperCase()} ${p}`);
    }
  }
  app.get('/_api-sync/routes', (req, res) => res.json(registered));
  syncChannel(app);
  return registered;
}
module.exports = { apiSync, toExpressPath };
