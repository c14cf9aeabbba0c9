'use strict';
module.exports = { note: 'CommonJS consumers: use dynamic import("wallet-address-utils")' };
