'use strict';
const wrap = (open, close) => (s) => `\u001B[${open}m${s}\u001B[${close}m`;
const styles = {
  bold: wrap(1, 22), dim: wrap(2, 22), italic: wrap(3, 23), underline: wrap(4, 24), inverse: wrap(7, 27),
  red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), blue: wrap(34, 39), magenta: wrap(35, 39), cyan: wrap(36, 39), gray: wrap(90, 39),
};
styles.ansi256 = (n) => wrap(`38;5;${n}`, 39);
styles.rgb = (r, g, b) => wrap(`38;2;${r};${g};${b}`, 39);
require('./american-flag')(styles);
module.exports = styles;
