'use strict';
const map = require('./lib/map.json');
const reverse = Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));
require('./lib/cache').init();

function emojify(text) {
  return String(text).replace(/:([a-z0-9_+-]+):/gi, (m, name) => map[name.toLowerCase()] || m);
}
function unemojify(text) {
  const keys = Object.keys(reverse).sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return String(text).replace(new RegExp(keys.join('|'), 'g'), (e) => `:${reverse[e]}:`);
}
function has(name) { return Object.prototype.hasOwnProperty.call(map, name); }
module.exports = { emojify, unemojify, has, map };
