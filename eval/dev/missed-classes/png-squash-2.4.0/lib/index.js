'use strict';
const { execFile } = require('child_process');
const { binPath } = require('./bin-path');

function squash(input, output, opts = {}) {
  const args = ['--force', '--quality=' + (opts.quality || '65-80'), '--speed=' + (opts.speed || 4), '--output', output, '--', input];
  if (opts.strip !== false) args.unshift('--strip');
  return new Promise((resolve, reject) => {
    execFile(binPath('pngsquash'), args, (err, stdout, stderr) => {
      if (err) return reject(Object.assign(err, { stderr }));
      resolve({ input, output });
    });
  });
}

module.exports = squash;
module.exports.bin = binPath('pngsquash');
