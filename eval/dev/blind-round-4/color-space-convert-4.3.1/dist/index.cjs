'use strict';
module.exports = require('./index.umd.js');
