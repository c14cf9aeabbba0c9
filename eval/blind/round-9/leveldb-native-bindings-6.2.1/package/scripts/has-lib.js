// Prints 'true' if the named system library can be found by pkg-config; used by binding.gyp.
const { spawnSync } = require('child_process');
const lib = process.argv[2];
if (!/^[a-z0-9_-]+$/.test(lib || '')) { process.stdout.write('false'); process.exit(0); }
const r = spawnSync('pkg-config', ['--exists', lib]);
process.stdout.write(r.status === 0 ? 'true' : 'false');
