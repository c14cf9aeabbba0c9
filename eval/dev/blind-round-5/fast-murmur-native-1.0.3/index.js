"use strict";
const binding = require("node-gyp-build")(__dirname);
module.exports = (input, seed = 0) => binding.hash(Buffer.isBuffer(input) ? input : Buffer.from(String(input)), seed >>> 0);
