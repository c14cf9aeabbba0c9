let native = null;
try { native = require('./build/Release/crc32c.node'); } catch (_) {}
const T = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function js(buf, crc = 0) { crc ^= 0xffffffff; for (const b of buf) crc = T[(crc ^ b) & 0xff] ^ (crc >>> 8); return (crc ^ 0xffffffff) >>> 0; }
module.exports = (buf, init) => native ? native.calculate(buf, init || 0) : js(buf, init);
