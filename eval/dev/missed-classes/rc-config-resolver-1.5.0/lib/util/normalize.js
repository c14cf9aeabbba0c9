'use strict';

function normalize(entries) {
  const map = {};
  for (const e of entries) {
    const key = e.name.replace(/^\./, '').replace(/[\\/]/g, ':');
    map[key] = e.text;
  }
  return map;
}

module.exports = { normalize };
