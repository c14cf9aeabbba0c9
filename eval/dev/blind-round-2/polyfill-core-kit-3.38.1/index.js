'use strict';
require('./modules/es.array.at');
require('./modules/es.object.has-own');
require('./modules/es.string.replace-all');
module.exports = globalThis;
