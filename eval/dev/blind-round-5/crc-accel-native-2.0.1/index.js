"use strict";
let native = null;
try { native = require("node-gyp-build")(__dirname); } catch (e) { native = null; }
const T = new Uint32Array(256).map((_, i) => { let c = i; for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function jsCrc32c(buf, prev = 0) { let c = ~prev >>> 0; for (const b of buf) c = T[(c ^ b) & 0xff] ^ (c >>> 8); return ~c >>> 0; }
module.exports = (buf, prev) => (native ? native.crc32c(buf, prev) >>> 0 : jsCrc32c(buf, prev));
module.exports.native = !!native;
