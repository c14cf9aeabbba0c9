'use strict';
const path = require('path');
/** Returns webPreferences that load this package's preload with isolation on. */
function secureWebPreferences(extra) {
  return Object.assign({ contextIsolation: true, sandbox: false, nodeIntegration: false, preload: path.join(__dirname, 'preload.js') }, extra || {});
}
module.exports = { secureWebPreferences, preloadPath: path.join(__dirname, 'preload.js') };
