#!/usr/bin/env node
'use strict';
const { spawnSync } = require('child_process');
const { binaryPath } = require('../lib/platform');
const r = spawnSync(binaryPath(), process.argv.slice(2), { stdio: 'inherit' });
if (r.error) {
  console.error('protoc-prebuilt: ' + r.error.message + ' (try reinstalling the package)');
  process.exit(1);
}
process.exit(r.status);
