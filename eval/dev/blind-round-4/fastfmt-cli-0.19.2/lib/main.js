'use strict';
const { execFileSync } = require('child_process');
const { binaryPath } = require('./resolve');
/** Formats `source` by piping it through the native binary. */
function format(source, { filename = 'stdin.ts', config } = {}) {
  const args = ['--stdin-filepath', filename];
  if (config) args.push('--config', config);
  return execFileSync(binaryPath(), args, { input: source, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
module.exports = { format, binaryPath };
