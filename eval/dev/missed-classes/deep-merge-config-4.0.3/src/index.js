'use strict';

const BLOCKED = new Set(['__proto__', 'prototype', 'constructor']);

function isPlain(v) {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const arrayStrategies = {
  replace: (a, b) => b.slice(),
  concat: (a, b) => a.concat(b),
  union: (a, b) => Array.from(new Set(a.concat(b))),
  byIndex: (a, b, merge) => {
    const out = a.slice();
    b.forEach((v, i) => { out[i] = i < a.length ? merge(a[i], v) : v; });
    return out;
  },
};

function mergeConfig(target, source, opts = {}) {
  const strategy = arrayStrategies[opts.arrays || 'replace'];
  const merge = (a, b) => {
    if (Array.isArray(a) && Array.isArray(b)) return strategy(a, b, merge);
    if (isPlain(a) && isPlain(b)) {
      const out = Object.assign({}, a);
      for (const key of Object.keys(b)) {
        if (BLOCKED.has(key)) continue;
        out[key] = key in a ? merge(a[key], b[key]) : b[key];
      }
      return out;
    }
    return b === undefined ? a : b;
  };
  return merge(target, source);
}

function mergeAll(list, opts) {
  return list.reduce((acc, cur) => mergeConfig(acc, cur, opts), {});
}

module.exports = mergeConfig;
module.exports.mergeAll = mergeAll;
module.exports.arrayStrategies = arrayStrategies;
