'use strict';
const path = require('path');
let binding;
try { binding = require(path.join(__dirname, '..', 'build', 'Release', 'vips_binding.node')); }
catch (e) { throw new Error(`libvips-bindings: native module missing for ${process.platform}-${process.arch}. Reinstall with LIBVIPS_BINDINGS_BUILD_FROM_SOURCE=1.\n${e.message}`); }
module.exports = { libvipsVersion: () => binding.libvipsVersion() };
