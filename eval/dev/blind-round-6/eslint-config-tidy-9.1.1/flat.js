"use strict";
const base = require("./index");
module.exports = { name: "tidy/flat", rules: base.rules };
