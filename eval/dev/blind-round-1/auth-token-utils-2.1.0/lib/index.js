'use strict';
const crypto = require('crypto');

const b64url = {
  decode: (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'),
  encode: (b) => Buffer.from(b).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
};

function decode(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new Error('malformed JWT');
  return { header: JSON.parse(b64url.decode(parts[0])), payload: JSON.parse(b64url.decode(parts[1])), signature: parts[2] };
}

function verifyHS256(token, secret, { clockTolerance = 30 } = {}) {
  const [h, p, s] = String(token).split('.');
  const expected = b64url.encode(crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest());
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(s))) throw new Error('invalid signature');
  const { payload } = decode(token);
  const now = Math.floor(Date.now() / 1000);
  if (payload.exp && now > payload.exp + clockTolerance) throw new Error('token expired');
  if (payload.nbf && now + clockTolerance < payload.nbf) throw new Error('token not yet valid');
  return payload;
}

function expiresIn(token) {
  const { payload } = decode(token);
  return payload.exp ? payload.exp * 1000 - Date.now() : Infinity;
}

async function refresh({ tokenUrl, clientId, clientSecret, refreshToken }) {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
  if (clientSecret) body.set('client_secret', clientSecret);
  const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  if (!res.ok) throw new Error(`refresh failed: ${res.status}`);
  return res.json();
}

module.exports = { decode, verifyHS256, expiresIn, refresh };
