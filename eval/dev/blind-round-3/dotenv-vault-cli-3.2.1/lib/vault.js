'use strict';
const fs = require('fs');
const crypto = require('crypto');
function keyFrom(k) { if (!k) throw new Error('DOTENV_KEY is not set'); return crypto.createHash('sha256').update(k).digest(); }
function encryptFile(file, k) {
  const iv = crypto.randomBytes(12), c = crypto.createCipheriv('aes-256-gcm', keyFrom(k), iv);
  const ct = Buffer.concat([c.update(fs.readFileSync(file)), c.final()]);
  const out = Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
  fs.writeFileSync(file + '.vault', out);
  return file + '.vault';
}
function decryptFile(file, k) {
  const raw = Buffer.from(fs.readFileSync(file, 'utf8'), 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', keyFrom(k), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  process.stdout.write(Buffer.concat([d.update(raw.subarray(28)), d.final()]));
}
module.exports = { encryptFile, decryptFile };
