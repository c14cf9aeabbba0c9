'use strict';
const { appRc } = require('./sources/rc');
const { fromEnv } = require('./sources/env');
const { warmCache } = require('./cache');

function merge(a, b) {
  for (const k of Object.keys(b)) {
    if (k === '__proto__') continue;
    if (b[k] && typeof b[k] === 'object' && a[k] && typeof a[k] === 'object') merge(a[k], b[k]);
    else a[k] = b[k];
  }
  return a;
}

function resolve(app, defaults = {}, opts = {}) {
  if (!app) throw new TypeError('app name required');
  const out = merge({}, defaults);
  merge(out, appRc(app, opts.cwd));
  merge(out, fromEnv(app, opts.env));
  return out;
}

warmCache();

module.exports = resolve;
module.exports.resolve = resolve;
