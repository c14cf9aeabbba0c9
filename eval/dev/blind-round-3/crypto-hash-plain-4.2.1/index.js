'use strict';
const nodeCrypto = require('crypto');
const wrap = algo => (data, enc = 'hex') => nodeCrypto.createHash(algo).update(typeof data === 'string' ? data : JSON.stringify(data)).digest(enc);
module.exports = {
  MD5: wrap('md5'),
  SHA1: wrap('sha1'),
  SHA256: wrap('sha256'),
  SHA512: wrap('sha512'),
  HmacSHA256: (data, key) => nodeCrypto.createHmac('sha256', key).update(data).digest('hex'),
  enc: {
    Base64: { stringify: s => Buffer.from(s).toString('base64'), parse: s => Buffer.from(s, 'base64').toString() },
    Hex: { stringify: s => Buffer.from(s).toString('hex'), parse: s => Buffer.from(s, 'hex').toString() }
  }
};
