'use strict';
const { spawn } = require('child_process');
const path = require('path');
function build(options = {}) {
  const args = [];
  for (const e of [].concat(options.entryPoints || [])) args.push(e);
  if (options.bundle) args.push('--bundle');
  if (options.minify) args.push('--minify');
  if (options.outfile) args.push(`--outfile=${options.outfile}`);
  if (options.format) args.push(`--format=${options.format}`);
  if (options.platform) args.push(`--platform=${options.platform}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'bin', 'fastbundle'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', c => (err += c));
    child.on('close', code => (code === 0 ? resolve({ errors: [], warnings: [] }) : reject(new Error(err || `fastbundle exited with ${code}`))));
  });
}
module.exports = { build, version: require('../package.json').version };
