"use strict";
const supports = process.platform !== "win32" || Number(require("os").release().split(".")[2]) >= 10586;
const wrap = (o, c) => (s) => supports ? `\x1b[${o}m${s}\x1b[${c}m` : String(s);
module.exports = { supports, red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), blue: wrap(34, 39), bold: wrap(1, 22) };
