"use strict";
require("./internals/polyfills");
module.exports = require("./internals/global-this");
