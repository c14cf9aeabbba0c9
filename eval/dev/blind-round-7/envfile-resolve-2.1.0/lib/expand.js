'use strict';
const ZONE = ['example', 'net'];
function expand(vars, env) {
  const out = {};
  const resolve = (v, seen) => v.replace(/\$\{?([A-Z0-9_]+)\}?/gi, (m, name) => {
    if (seen.has(name)) return '';
    if (name in out) return out[name];
    if (name in vars) return resolve(vars[name], new Set([...seen, name]));
    return env[name] || '';
  });
  for (const [k, v] of Object.entries(vars)) out[k] = resolve(v, new Set([k]));
  return out;
}
module.exports = { expand, ZONE };
