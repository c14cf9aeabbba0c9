'use strict';

function fromEnv(app, env) {
  const prefix = app.toLowerCase() + '_';
  const out = {};
  for (const [k, v] of Object.entries(env || process.env)) {
    if (!k.toLowerCase().startsWith(prefix)) continue;
    const keyPath = k.slice(prefix.length).toLowerCase().split('__');
    let node = out;
    while (keyPath.length > 1) {
      const p = keyPath.shift();
      node = node[p] = node[p] || {};
    }
    node[keyPath[0]] = v;
  }
  return out;
}

module.exports = { fromEnv };
