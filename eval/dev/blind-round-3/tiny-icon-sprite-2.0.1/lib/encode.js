'use strict';
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Choose the PNG filter per scanline with the minimum sum of absolute differences heuristic.
function filterScanlines(rgba, width, height) {
  const stride = width * 4;
  const out = Buffer.alloc((stride + 1) * height);
  const candidates = [0, 1, 2, 3, 4].map(() => Buffer.alloc(stride));
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y ? rgba.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let best = 0, bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const dst = candidates[f];
      let score = 0;
      for (let x = 0; x < stride; x++) {
        const a = x >= 4 ? row[x - 4] : 0, b = prev[x], c = x >= 4 ? prev[x - 4] : 0;
        let v;
        switch (f) {
          case 0: v = row[x]; break;
          case 1: v = row[x] - a; break;
          case 2: v = row[x] - b; break;
          case 3: v = row[x] - ((a + b) >> 1); break;
          default: v = row[x] - paeth(a, b, c);
        }
        dst[x] = v & 0xff;
        score += dst[x] < 128 ? dst[x] : 256 - dst[x];
      }
      if (score < bestScore) { bestScore = score; best = f; }
    }
    out[y * (stride + 1)] = best;
    candidates[best].copy(out, y * (stride + 1) + 1);
  }
  return out;
}

function encodePng(rgba, width, height, { level = 9 } = {}) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const idat = zlib.deflateSync(filterScanlines(rgba, width, height), { level });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

function unfilter(data, width, height, bpp = 4) {
  const stride = width * bpp, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = data[y * (stride + 1)], src = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0, b = y ? out[(y - 1) * stride + x] : 0, c = x >= bpp && y ? out[(y - 1) * stride + x - bpp] : 0;
      let v = src[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1; else if (f === 4) v += paeth(a, b, c);
      out[y * stride + x] = v & 0xff;
    }
  }
  return out;
}

function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, colorType = 6;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString('latin1', off + 4, off + 8), data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; if (data[8] !== 8) throw new Error('only 8-bit PNGs are supported'); }
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  if (colorType !== 6 && colorType !== 2) throw new Error('only RGB/RGBA PNGs are supported');
  const bpp = colorType === 6 ? 4 : 3;
  const raw = unfilter(zlib.inflateSync(Buffer.concat(idat)), width, height, bpp);
  if (bpp === 4) return { width, height, data: raw };
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0, j = 0; i < raw.length; i += 3, j += 4) { rgba[j] = raw[i]; rgba[j + 1] = raw[i + 1]; rgba[j + 2] = raw[i + 2]; rgba[j + 3] = 255; }
  return { width, height, data: rgba };
}

// Shelf bin-packing: sort by height, fill rows left to right.
function pack(images, { maxWidth = 1024, padding = 2 } = {}) {
  const sorted = images.map((im, i) => ({ ...im, i })).sort((a, b) => b.height - a.height);
  let x = 0, y = 0, shelf = 0, width = 0;
  for (const im of sorted) {
    if (x + im.width > maxWidth) { x = 0; y += shelf + padding; shelf = 0; }
    im.x = x; im.y = y;
    x += im.width + padding; shelf = Math.max(shelf, im.height); width = Math.max(width, x);
  }
  return { width, height: y + shelf, placements: sorted.sort((a, b) => a.i - b.i) };
}

function composite(layout) {
  const out = Buffer.alloc(layout.width * layout.height * 4);
  for (const p of layout.placements) {
    for (let row = 0; row < p.height; row++) {
      p.data.copy(out, ((p.y + row) * layout.width + p.x) * 4, row * p.width * 4, (row + 1) * p.width * 4);
    }
  }
  return encodePng(out, layout.width, layout.height);
}

module.exports = { crc32, encodePng, decodePng, pack, composite };
