'use strict';

const DANGEROUS = /^\$|\./;
const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);

function sanitize(value, opts, depth) {
  if (depth > (opts.maxDepth || 20)) return undefined;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, opts, depth + 1));
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) {
      if (POLLUTING.has(key)) continue;
      if (DANGEROUS.test(key)) {
        if (opts.replaceWith) out[key.replace(/^\$|\./g, opts.replaceWith)] = sanitize(value[key], opts, depth + 1);
        if (opts.onSanitize) opts.onSanitize(key);
        continue;
      }
      out[key] = sanitize(value[key], opts, depth + 1);
    }
    return out;
  }
  return value;
}

module.exports = (value, opts = {}) => sanitize(value, opts, 0);
