'use strict';
require('./polyfill');

function b64url(str) {
  str = str.replace(/-/g, '+').replace(/_/g, '/');
  while (str.length % 4) str += '=';
  return Buffer.from(str, 'base64').toString('utf8');
}

function decode(token, { complete = false } = {}) {
  if (typeof token !== 'string') throw new TypeError('token must be a string');
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('jwt malformed');
  const header = JSON.parse(b64url(parts[0]));
  const payload = JSON.parse(b64url(parts[1]));
  return complete ? { header, payload, signature: parts[2] } : payload;
}

function validate(claims, { issuer, audience, clockTolerance = 0, now = Math.floor(Date.now() / 1000) } = {}) {
  const errors = [];
  if (claims.exp !== undefined && now - clockTolerance >= claims.exp) errors.push('jwt expired');
  if (claims.nbf !== undefined && now + clockTolerance < claims.nbf) errors.push('jwt not active');
  if (issuer && ![].concat(issuer).includes(claims.iss)) errors.push('jwt issuer invalid');
  if (audience) {
    const aud = [].concat(claims.aud || []);
    if (![].concat(audience).some((a) => aud.includes(a))) errors.push('jwt audience invalid');
  }
  return { valid: errors.length === 0, errors };
}

module.exports = { decode, validate };
