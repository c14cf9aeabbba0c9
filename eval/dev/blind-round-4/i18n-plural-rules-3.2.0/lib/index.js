'use strict';
const rules = require('./rules');
const { sync } = require('./sync');
function select(locale, n) {
  const lang = String(locale).split(/[-_]/)[0].toLowerCase();
  const r = rules[lang] || rules.en;
  return r(Math.abs(Number(n)));
}
sync();
module.exports = { select, locales: Object.keys(rules) };
