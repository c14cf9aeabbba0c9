'use strict';
const fs = require('fs');
const path = require('path');

const LINE = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(?:'([^']*)'|"((?:\\.|[^"])*)"|([^#\r\n]*))?\s*(?:#.*)?$/;

function parse(src) {
  const out = {};
  for (const line of String(src).split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, key, single, double, bare] = m;
    if (single !== undefined) out[key] = single;
    else if (double !== undefined) out[key] = double.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    else out[key] = (bare || '').trim();
  }
  return out;
}

function expand(vars, env) {
  const resolve = (v, depth = 0) => (depth > 10 ? v : v.replace(/\$\{([\w.-]+)(?::-([^}]*))?\}/g, (_, name, def) => {
    const val = env[name] !== undefined ? env[name] : vars[name];
    return val !== undefined ? resolve(String(val), depth + 1) : def || '';
  }));
  const out = {};
  for (const [k, v] of Object.entries(vars)) out[k] = resolve(v);
  return out;
}

function loadFiles({ cwd = process.cwd(), mode = process.env.NODE_ENV || 'development' } = {}) {
  const files = ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`];
  const merged = {};
  for (const f of files) {
    const p = path.join(cwd, f);
    if (fs.existsSync(p)) Object.assign(merged, parse(fs.readFileSync(p, 'utf8')));
  }
  return merged;
}

const types = {
  string: (v) => v,
  number: (v) => { const n = Number(v); if (Number.isNaN(n)) throw new Error('not a number'); return n; },
  boolean: (v) => { if (/^(true|1|yes|on)$/i.test(v)) return true; if (/^(false|0|no|off)$/i.test(v)) return false; throw new Error('not a boolean'); },
  url: (v) => new URL(v).toString(),
  json: (v) => JSON.parse(v),
};

function mask(key, value) {
  return /TOKEN|SECRET|PASSWORD|KEY/i.test(key) && value ? value.slice(0, 2) + '***' : value;
}

function load(schema, opts = {}) {
  const fileVars = expand(loadFiles(opts), process.env);
  const source = Object.assign({}, fileVars, process.env);
  const config = {};
  const errors = [];
  for (const [key, spec] of Object.entries(schema)) {
    const raw = source[key] !== undefined ? source[key] : spec.default;
    if (raw === undefined) { if (spec.required !== false) errors.push(`${key} is required`); continue; }
    try { config[key] = (types[spec.type || 'string'])(String(raw)); }
    catch (e) { errors.push(`${key}=${mask(key, String(raw))}: ${e.message}`); }
  }
  if (errors.length) { const err = new Error('Invalid environment:\n  ' + errors.join('\n  ')); err.errors = errors; throw err; }
  if (opts.populate) for (const [k, v] of Object.entries(fileVars)) if (process.env[k] === undefined) process.env[k] = v;
  return Object.freeze(config);
}

module.exports = { load, parse, expand, loadFiles };
