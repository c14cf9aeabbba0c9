"use strict";
const crypto = require("crypto");
function wordArray(hex) { return { toString: () => hex, words: Buffer.from(hex, "hex") }; }
function digest(alg) { return (msg) => wordArray(crypto.createHash(alg).update(String(msg)).digest("hex")); }
function hmac(alg) { return (msg, key) => wordArray(crypto.createHmac(alg, String(key)).update(String(msg)).digest("hex")); }
module.exports = {
  MD5: digest("md5"), SHA1: digest("sha1"), SHA256: digest("sha256"), SHA512: digest("sha512"),
  HmacSHA1: hmac("sha1"), HmacSHA256: hmac("sha256"),
  enc: { Hex: { stringify: (w) => w.toString() }, Base64: { stringify: (w) => Buffer.from(w.toString(), "hex").toString("base64") } }
};
