'use strict';
const { ZERO_WIDTH, WIDE } = require('./tables');

function inRanges(cp, ranges) {
  let lo = 0, hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}
const ZW = ZERO_WIDTH.slice().sort((a, b) => a[0] - b[0]);
const WD = WIDE.slice().sort((a, b) => a[0] - b[0]);

function charWidth(cp) {
  if (cp === 0) return 0;
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (inRanges(cp, ZW)) return 0;
  if (inRanges(cp, WD)) return 2;
  return 1;
}

function stringWidth(str, { ansi = true } = {}) {
  let s = String(str);
  if (ansi) s = s.replace(/\u001b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
  let w = 0, prevZwj = false;
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp === 0x200d) { prevZwj = true; continue; }
    if (prevZwj && inRanges(cp, WD)) { prevZwj = false; continue; }
    prevZwj = false;
    w += charWidth(cp);
  }
  return w;
}

function stripInvisible(str) {
  let out = '';
  for (const ch of String(str)) if (!inRanges(ch.codePointAt(0), ZW) || ch === '\u200d') out += ch;
  return out;
}

module.exports = { stringWidth, charWidth, stripInvisible };
