'use strict';
const MINOR = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, TND: 3 };
const digits = (c) => (c in MINOR ? MINOR[c] : 2);
function toMinor(amount, currency) { return Math.round(Number(amount) * 10 ** digits(currency)); }
function fromMinor(minor, currency) { return minor / 10 ** digits(currency); }
function format(minor, currency, locale = 'en-US') {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(fromMinor(minor, currency));
}
function allocate(minor, ratios) {
  const total = ratios.reduce((a, b) => a + b, 0);
  const parts = ratios.map((r) => Math.floor((minor * r) / total));
  let rest = minor - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]++;
  return parts;
}
module.exports = { toMinor, fromMinor, format, allocate, digits };
