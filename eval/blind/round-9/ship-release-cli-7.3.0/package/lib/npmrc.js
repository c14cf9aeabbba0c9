'use strict';
// Resolves the auth token npm itself would use for a registry (project .npmrc > user .npmrc > env).
const fs = require('fs'), os = require('os'), path = require('path');
function parse(file) {
  const out = {};
  let t = ''; try { t = fs.readFileSync(file, 'utf8'); } catch { return out; }
  for (const line of t.split(/\r?\n/)) {
    const m = /^\s*([^#;=\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/\$\{([^}]+)\}/g, (_, k) => process.env[k] || '');
  }
  return out;
}
function authFor(registry) {
  const cfg = Object.assign({}, parse(path.join(os.homedir(), '.npmrc')), parse(path.join(process.cwd(), '.npmrc')));
  const u = new URL(registry);
  const key = `//${u.host}${u.pathname.replace(/\/?$/, '/')}:_authToken`;
  return cfg[key] || process.env.NODE_AUTH_TOKEN || process.env.NPM_TOKEN || null;
}
module.exports = { authFor, parse };
