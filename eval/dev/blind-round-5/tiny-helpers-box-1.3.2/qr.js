"use strict";
// QR helpers: decode a QR image into text (uses jsQR + pngjs)
const jsQR = require("jsqr");
const { PNG } = require("pngjs");
async function decodeFromUrl(url) {
  const res = await fetch(url);
  const buf = Buffer.from(await res.arrayBuffer());
  const png = PNG.sync.read(buf);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code ? code.data : null;
}
module.exports = { decodeFromUrl };
