"use strict";
const nodeCrypto = require("crypto");
const { WordArray } = require("./lib/word-array");

const enc = {
  Hex: { stringify: (wa) => wa.toBuffer().toString("hex"), parse: (s) => WordArray.fromBuffer(Buffer.from(s, "hex")) },
  Base64: { stringify: (wa) => wa.toBuffer().toString("base64"), parse: (s) => WordArray.fromBuffer(Buffer.from(s, "base64")) },
  Utf8: { stringify: (wa) => wa.toBuffer().toString("utf8"), parse: (s) => WordArray.fromBuffer(Buffer.from(s, "utf8")) }
};

function hasher(alg) {
  return (msg) => WordArray.fromBuffer(nodeCrypto.createHash(alg).update(typeof msg === "string" ? msg : msg.toBuffer()).digest());
}
function hmac(alg) {
  return (msg, key) => WordArray.fromBuffer(nodeCrypto.createHmac(alg, typeof key === "string" ? key : key.toBuffer())
    .update(typeof msg === "string" ? msg : msg.toBuffer()).digest());
}

const AES = {
  encrypt(text, pass) {
    const salt = nodeCrypto.randomBytes(8);
    const key = nodeCrypto.pbkdf2Sync(pass, salt, 10000, 48, "sha256");
    const c = nodeCrypto.createCipheriv("aes-256-cbc", key.subarray(0, 32), key.subarray(32));
    const out = Buffer.concat([Buffer.from("Salted__"), salt, c.update(text, "utf8"), c.final()]);
    return out.toString("base64");
  },
  decrypt(b64, pass) {
    const buf = Buffer.from(b64, "base64");
    const salt = buf.subarray(8, 16);
    const key = nodeCrypto.pbkdf2Sync(pass, salt, 10000, 48, "sha256");
    const d = nodeCrypto.createDecipheriv("aes-256-cbc", key.subarray(0, 32), key.subarray(32));
    return Buffer.concat([d.update(buf.subarray(16)), d.final()]).toString("utf8");
  }
};

module.exports = {
  enc, AES, lib: { WordArray },
  MD5: hasher("md5"), SHA1: hasher("sha1"), SHA256: hasher("sha256"), SHA512: hasher("sha512"),
  HmacSHA256: hmac("sha256"), HmacSHA512: hmac("sha512")
};
