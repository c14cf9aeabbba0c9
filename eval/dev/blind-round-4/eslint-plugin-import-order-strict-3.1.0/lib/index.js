'use strict';
const order = require('./rules/order');
const cache = require('./cache');
cache.warm();
module.exports = { meta: { name: 'import-order-strict', version: '3.1.0' }, rules: { order } };
