'use strict';
const zlib = require('zlib');

function pack(obj) {
  const gz = zlib.gzipSync(Buffer.from(JSON.stringify(obj)));
  return gz.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unpack(str) {
  const b64 = str.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(zlib.gunzipSync(Buffer.from(b64, 'base64')).toString());
}

module.exports = { pack, unpack };
