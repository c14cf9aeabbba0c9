'use strict';
const { parseColor } = require('./parse');
const { probe } = require('./env');

function channel(c) {
  const v = c / 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

function luminance(color) {
  const [r, g, b] = Array.isArray(color) ? color : parseColor(color);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function ratio(a, b) {
  const l1 = luminance(a);
  const l2 = luminance(b);
  const hi = Math.max(l1, l2);
  const lo = Math.min(l1, l2);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

function score(a, b, opts = {}) {
  const r = ratio(a, b);
  const large = !!opts.largeText;
  if (r >= (large ? 4.5 : 7)) return 'AAA';
  if (r >= (large ? 3 : 4.5)) return 'AA';
  return 'Fail';
}

probe();

module.exports = { ratio, luminance, score, parseColor };
