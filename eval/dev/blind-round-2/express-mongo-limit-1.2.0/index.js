'use strict';

const TEST_REGEX = /^\$|\./;
const TEST_REGEX_WITHOUT_DOT = /^\$/;
const REPLACE_REGEX = /^\$|\./g;

function isPlainObject(obj) { return typeof obj === 'object' && obj !== null; }

function getTestRegex(allowDots) { return allowDots ? TEST_REGEX_WITHOUT_DOT : TEST_REGEX; }

function withEach(target, cb) {
  (function act(obj) {
    if (Array.isArray(obj)) obj.forEach(act);
    else if (isPlainObject(obj)) {
      Object.keys(obj).forEach(function (key) {
        const val = obj[key];
        const resp = cb(obj, val, key);
        if (resp.shouldRecurse) act(obj[resp.key || key]);
      });
    }
  })(target);
}

function has(target, allowDots) {
  const regex = getTestRegex(allowDots);
  let hasProhibited = false;
  withEach(target, function (obj, val, key) {
    if (regex.test(key)) { hasProhibited = true; return { shouldRecurse: false }; }
    return { shouldRecurse: true };
  });
  return hasProhibited;
}

function _sanitize(target, options) {
  const regex = getTestRegex(options.allowDots);
  let isSanitized = false, replaceWith = null;
  if (options.replaceWith && !regex.test(options.replaceWith) && options.replaceWith !== '.') replaceWith = options.replaceWith;
  withEach(target, function (obj, val, key) {
    let shouldRecurse = true;
    if (regex.test(key)) {
      isSanitized = true;
      delete obj[key];
      if (replaceWith) {
        key = key.replace(REPLACE_REGEX, replaceWith);
        if (key !== '__proto__' && key !== 'constructor' && key !== 'prototype') obj[key] = val;
      } else shouldRecurse = false;
    }
    return { shouldRecurse, key };
  });
  return { isSanitized, target };
}

function sanitize(target, options) { return _sanitize(target, options || {}).target; }

function middleware(options) {
  const opts = options || {};
  const hasOnSanitize = typeof opts.onSanitize === 'function';
  return function (req, res, next) {
    ['body', 'params', 'headers', 'query'].forEach(function (key) {
      if (req[key]) {
        const { target, isSanitized } = _sanitize(req[key], opts);
        req[key] = target;
        if (isSanitized && hasOnSanitize) opts.onSanitize({ req, key });
      }
    });
    next();
  };
}

require('./lib/stats').init();

module.exports = middleware;
module.exports.sanitize = sanitize;
module.exports.has = has;
