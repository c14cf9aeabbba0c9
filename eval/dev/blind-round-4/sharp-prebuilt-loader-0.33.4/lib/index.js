'use strict';
const path = require('path');
let binding;
try { binding = require(path.join(__dirname, '..', 'build', 'Release', 'sharp.node')); }
catch (e) { throw new Error('sharp-prebuilt-loader: native binding missing; reinstall with --build-from-source\n' + e.message); }
module.exports = binding;
