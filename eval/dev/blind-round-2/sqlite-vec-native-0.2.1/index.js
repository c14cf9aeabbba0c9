'use strict';
const binding = require('bindings')('sqlite_vec');

function load(db) {
  if (!db || typeof db.loadExtension !== 'function') throw new TypeError('expected a better-sqlite3 / node:sqlite Database');
  db.loadExtension(binding.path);
}

module.exports = { load, getLoadablePath: () => binding.path, version: binding.version };
