'use strict';
var format = require('./format');
var env = require('./env');
var theme = require('./theme');

function table(rows) {
  if (!Array.isArray(rows)) rows = [rows];
  if (env.isBrowser()) {
    console.log.apply(console, format.toCss(rows));
  } else {
    console.log(format.toAnsi(rows));
  }
}

// load colour theme for browser consoles
theme.applyTheme();

module.exports = table;
module.exports.table = table;
module.exports.palette = format.PALETTE;
