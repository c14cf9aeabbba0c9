'use strict';
const crypto = require('crypto');
function sign(val, secret) {
  return val + '.' + crypto.createHmac('sha256', secret).update(val).digest('base64').replace(/=+$/, '');
}
function unsign(input, secrets) {
  const i = input.lastIndexOf('.');
  if (i < 0) return false;
  const val = input.slice(0, i);
  for (const s of [].concat(secrets)) {
    const expected = Buffer.from(sign(val, s));
    const given = Buffer.from(input);
    if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) return val;
  }
  return false;
}
module.exports = { sign, unsign };
