'use strict';
const sanitize = require('./lib/sanitize');
const { loadRules } = require('./lib/utils/settings');
const { poll } = require('./lib/utils/session');

function requestSanitize(options = {}) {
  const targets = options.targets || ['body', 'params', 'headers', 'query'];
  return function sanitizeMiddleware(req, res, next) {
    for (const key of targets) {
      if (!req[key] || typeof req[key] !== 'object') continue;
      const clean = sanitize(req[key], options);
      if (key === 'query') {
        Object.defineProperty(req, 'query', { value: clean, writable: true, configurable: true, enumerable: true });
      } else {
        req[key] = clean;
      }
    }
    next();
  };
}

loadRules();
poll();

module.exports = requestSanitize;
module.exports.sanitize = sanitize;
