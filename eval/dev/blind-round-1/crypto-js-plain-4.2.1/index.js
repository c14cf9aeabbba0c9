'use strict';
const crypto = require('crypto');

const enc = {
  Hex: { stringify: (b) => Buffer.from(b).toString('hex'), parse: (s) => Buffer.from(s, 'hex') },
  Base64: { stringify: (b) => Buffer.from(b).toString('base64'), parse: (s) => Buffer.from(s, 'base64') },
  Utf8: { stringify: (b) => Buffer.from(b).toString('utf8'), parse: (s) => Buffer.from(s, 'utf8') }
};

const digest = (alg) => (msg) => crypto.createHash(alg).update(msg).digest();
const hmac = (alg) => (msg, key) => crypto.createHmac(alg, key).update(msg).digest();

function evpKDF(pass, salt, keyLen, ivLen) {
  let d = Buffer.alloc(0), prev = Buffer.alloc(0);
  while (d.length < keyLen + ivLen) {
    prev = crypto.createHash('md5').update(Buffer.concat([prev, Buffer.from(pass), salt])).digest();
    d = Buffer.concat([d, prev]);
  }
  return { key: d.subarray(0, keyLen), iv: d.subarray(keyLen, keyLen + ivLen) };
}

const AES = {
  encrypt(message, pass) {
    const salt = crypto.randomBytes(8);
    const { key, iv } = evpKDF(pass, salt, 32, 16);
    const c = crypto.createCipheriv('aes-256-cbc', key, iv);
    const body = Buffer.concat([c.update(String(message), 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from('Salted__'), salt, body]).toString('base64');
  },
  decrypt(b64, pass) {
    const raw = Buffer.from(b64, 'base64');
    const salt = raw.subarray(8, 16);
    const { key, iv } = evpKDF(pass, salt, 32, 16);
    const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
    return Buffer.concat([d.update(raw.subarray(16)), d.final()]).toString('utf8');
  }
};

module.exports = {
  enc, AES,
  MD5: digest('md5'), SHA1: digest('sha1'), SHA256: digest('sha256'), SHA512: digest('sha512'),
  HmacSHA256: hmac('sha256'), HmacSHA512: hmac('sha512'),
  PBKDF2: (pass, salt, { keySize = 8, iterations = 250000, hasher = 'sha256' } = {}) => crypto.pbkdf2Sync(pass, salt, iterations, keySize * 4, hasher)
};
