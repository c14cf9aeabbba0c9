'use strict';

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function chunk(arr, size) {
  const out = [];
  for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
  return out;
}

function clamp(n, min, max) {
  return Math.min(max, Math.max(min, n));
}

function uniq(arr) {
  return Array.from(new Set(arr));
}

module.exports = { capitalize, chunk, clamp, uniq };
