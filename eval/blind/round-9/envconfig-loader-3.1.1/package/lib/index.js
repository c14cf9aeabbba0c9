'use strict';
const fs = require('fs'), path = require('path');
function parseDotenv(src) {
  const out = {};
  for (const line of src.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line);
    if (!m) continue;
    let v = (m[2] || '').trim();
    if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1).replace(/\\n/g, '\n');
    else v = v.replace(/\s+#.*$/, '');
    out[m[1]] = v;
  }
  return out;
}
function load({ files = ['.env.local', '.env'], cwd = process.cwd(), override = false } = {}) {
  for (const f of files) {
    let t; try { t = fs.readFileSync(path.join(cwd, f), 'utf8'); } catch { continue; }
    for (const [k, v] of Object.entries(parseDotenv(t))) if (override || !(k in process.env)) process.env[k] = v;
  }
  return process.env;
}
const coerce = { string: v => v, number: v => { const n = Number(v); if (Number.isNaN(n)) throw new Error('not a number'); return n; }, boolean: v => /^(1|true|yes|on)$/i.test(v), json: v => JSON.parse(v), url: v => new URL(v).href };
function config(schema, { prefix = '', env = load() } = {}) {
  const out = {}, errors = [];
  for (const [key, spec] of Object.entries(schema)) {
    const name = prefix + (spec.env || key.replace(/[A-Z]/g, c => '_' + c).toUpperCase());
    const raw = env[name];
    if (raw === undefined) { if (spec.required) errors.push(`${name} is required`); else out[key] = spec.default; continue; }
    try { out[key] = coerce[spec.type || 'string'](raw); } catch (e) { errors.push(`${name}: ${e.message}`); }
  }
  if (errors.length) throw new Error('Invalid configuration:\n  ' + errors.join('\n  '));
  // secrets are redacted from inspection/logging
  Object.defineProperty(out, 'toJSON', { value: () => Object.fromEntries(Object.entries(out).map(([k, v]) => [k, schema[k].secret ? '[redacted]' : v])) });
  return Object.freeze(out);
}
module.exports = { load, config, parseDotenv };
