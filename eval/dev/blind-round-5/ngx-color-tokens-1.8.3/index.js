"use strict";
const palette = require("./tokens/palette.json");
exports.token = (name) => palette[name];
exports.cssVar = (name) => `var(--ngx-${name})`;
exports.palette = palette;
