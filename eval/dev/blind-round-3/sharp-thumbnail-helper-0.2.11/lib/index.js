'use strict';
const path = require('path');
const SIZES = [320, 640, 960, 1280, 1920];
function plan(file, { sizes = SIZES, format = 'webp' } = {}) {
  const { name, dir } = path.parse(file);
  return sizes.map(w => ({ width: w, out: path.join(dir, `${name}-${w}w.${format}`) }));
}
function srcset(file, opts) { return plan(file, opts).map(p => `${p.out.split(path.sep).join('/')} ${p.width}w`).join(', '); }
module.exports = { plan, srcset, SIZES };
