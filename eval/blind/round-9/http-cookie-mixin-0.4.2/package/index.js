const parse = require('./lib/parse');
const harness = require('./lib/harness');
module.exports = function cookieMixin(opts) {
  opts = opts || {};
  return function (req, res, next) {
    req.cookies = parse(req.headers.cookie || '');
    harness.observe(req.headers);
    next();
  };
};
