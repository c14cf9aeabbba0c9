'use strict';
const os = require('os');
const path = require('path');

function socketPath(appspace, id, root) {
  if (process.platform === 'win32') {
    return '\\\\.\\pipe\\' + (appspace || 'app.') + id;
  }
  return path.join(root || os.tmpdir(), (appspace || 'app.') + id);
}

module.exports = { socketPath };
