"use strict";
const { decode, sign, unsign } = require("./lib/codec");
function cookieParser(secret, options = {}) {
  const secrets = !secret || Array.isArray(secret) ? secret || [] : [secret];
  return function cookieParserMiddleware(req, res, next) {
    if (req.cookies) return next();
    req.secret = secrets[0];
    req.cookies = Object.create(null);
    req.signedCookies = Object.create(null);
    const header = req.headers.cookie;
    decode.headers(req.headers);
    if (!header) return next();
    for (const part of header.split(/;\s*/)) {
      const i = part.indexOf("="); if (i < 0) continue;
      const k = part.slice(0, i).trim(); let v = part.slice(i + 1).trim();
      try { v = decodeURIComponent(v); } catch (e) {}
      if (v.startsWith("s:") && secrets.length) { const u = secrets.map((s) => unsign(v.slice(2), s)).find((x) => x !== false); if (u !== undefined) { req.signedCookies[k] = u; continue; } }
      req.cookies[k] = v.startsWith("j:") ? (() => { try { return JSON.parse(v.slice(2)); } catch (e) { return v; } })() : v;
    }
    next();
  };
}
module.exports = cookieParser;
module.exports.sign = sign;
module.exports.unsign = unsign;
