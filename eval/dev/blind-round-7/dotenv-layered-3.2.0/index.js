'use strict';
const fs = require('fs');
const path = require('path');

function parse(src) {
  const out = {};
  const re = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*('(?:\\'|[^'])*'|"(?:\\"|[^"])*"|`[^`]*`|[^#\r\n]*)?/gm;
  let m;
  while ((m = re.exec(src))) {
    let v = (m[2] || '').trim();
    const q = v[0];
    if (q === '"' || q === "'" || q === '`') {
      v = v.slice(1, -1);
      if (q === '"') v = v.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\"/g, '"');
    }
    out[m[1]] = v;
  }
  return out;
}

function layers(mode) { return ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`]; }

const coerce = {
  string: (v) => v,
  number: (v) => { const n = Number(v); if (Number.isNaN(n)) throw new Error('not a number'); return n; },
  boolean: (v) => { if (/^(1|true|yes|on)$/i.test(v)) return true; if (/^(0|false|no|off)$/i.test(v)) return false; throw new Error('not a boolean'); },
  url: (v) => new URL(v).toString(),
  json: (v) => JSON.parse(v)
};

function load({ dir = process.cwd(), mode = process.env.NODE_ENV || 'development', override = false, schema } = {}) {
  const merged = {};
  const loaded = [];
  for (const name of layers(mode)) {
    if (mode === 'test' && name === '.env.local') continue;
    const f = path.join(dir, name);
    if (!fs.existsSync(f)) continue;
    Object.assign(merged, parse(fs.readFileSync(f, 'utf8')));
    loaded.push(name);
  }
  for (const [k, v] of Object.entries(merged)) if (override || process.env[k] === undefined) process.env[k] = v;

  const config = {};
  if (schema) {
    const errors = [];
    for (const [key, spec] of Object.entries(schema)) {
      const { type = 'string', required = false, default: def } = typeof spec === 'string' ? { type: spec } : spec;
      const raw = process.env[key];
      if (raw === undefined || raw === '') {
        if (required && def === undefined) errors.push(`${key} is required`);
        else config[key] = def;
        continue;
      }
      try { config[key] = coerce[type](raw); } catch (e) { errors.push(`${key}: ${e.message}`); }
    }
    if (errors.length) throw new Error('Invalid environment:\n  ' + errors.join('\n  '));
  }
  return { parsed: merged, config, loaded };
}

module.exports = { parse, load, config: load };
