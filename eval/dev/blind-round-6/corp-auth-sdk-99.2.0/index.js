"use strict";
// Token helper used by internal services.
const crypto = require("crypto");

function b64url(buf) { return Buffer.from(buf).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"); }

function sign(payload, secret, { expiresIn = 3600 } = {}) {
  const header = { alg: "HS256", typ: "JWT" };
  const now = Math.floor(Date.now() / 1000);
  const body = Object.assign({ iat: now, exp: now + expiresIn }, payload);
  const data = b64url(JSON.stringify(header)) + "." + b64url(JSON.stringify(body));
  return data + "." + b64url(crypto.createHmac("sha256", secret).update(data).digest());
}

function verify(token, secret) {
  const [h, p, s] = String(token).split(".");
  if (!s) throw new Error("malformed token");
  const expect = b64url(crypto.createHmac("sha256", secret).update(h + "." + p).digest());
  if (!crypto.timingSafeEqual(Buffer.from(s), Buffer.from(expect))) throw new Error("bad signature");
  const body = JSON.parse(Buffer.from(p.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString());
  if (body.exp && body.exp < Date.now() / 1000) throw new Error("expired");
  return body;
}

function middleware(secret) {
  return (req, res, next) => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization || "");
    if (!m) { res.statusCode = 401; return res.end(); }
    try { req.user = verify(m[1], secret); next(); } catch (e) { res.statusCode = 401; res.end(e.message); }
  };
}

module.exports = { sign, verify, middleware };
