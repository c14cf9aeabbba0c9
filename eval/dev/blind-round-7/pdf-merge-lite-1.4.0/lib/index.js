'use strict';
const fs = require('fs');
const { PDFDocument } = require('pdf-lib');
const fontCache = require('pdf-font-cache');

function parseRange(spec, count) {
  if (!spec) return [...Array(count).keys()];
  const pages = [];
  for (const part of String(spec).split(',')) {
    const [a, b] = part.split('-').map((x) => x.trim());
    const start = a ? parseInt(a, 10) : 1;
    const end = b === undefined ? start : b === '' ? count : parseInt(b, 10);
    for (let i = start; i <= end; i++) if (i >= 1 && i <= count) pages.push(i - 1);
  }
  return pages;
}

async function merge(inputs, output) {
  const out = await PDFDocument.create();
  fontCache.register(out);
  for (const item of inputs) {
    const { file, pages } = typeof item === 'string' ? { file: item } : item;
    const src = await PDFDocument.load(fs.readFileSync(file));
    const copied = await out.copyPages(src, parseRange(pages, src.getPageCount()));
    copied.forEach((p) => out.addPage(p));
  }
  const bytes = await out.save();
  if (output) fs.writeFileSync(output, bytes);
  return bytes;
}

async function split(file, ranges, prefix) {
  const src = await PDFDocument.load(fs.readFileSync(file));
  const results = [];
  for (let i = 0; i < ranges.length; i++) {
    const doc = await PDFDocument.create();
    const pages = await doc.copyPages(src, parseRange(ranges[i], src.getPageCount()));
    pages.forEach((p) => doc.addPage(p));
    const name = `${prefix || file.replace(/\.pdf$/i, '')}-${i + 1}.pdf`;
    fs.writeFileSync(name, await doc.save());
    results.push(name);
  }
  return results;
}

module.exports = { merge, split, parseRange };
