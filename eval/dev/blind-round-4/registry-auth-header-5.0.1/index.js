'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function parseIni(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^#;=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/\$\{([^}]+)\}/g, (_, k) => process.env[k] || '');
  }
  return out;
}

function loadNpmrc() {
  const files = [
    process.env.npm_config_userconfig || path.join(os.homedir(), '.npmrc'),
    path.join(process.cwd(), '.npmrc'),
  ];
  return files.reduce((acc, f) => { try { return Object.assign(acc, parseIni(fs.readFileSync(f, 'utf8'))); } catch (_) { return acc; } }, {});
}

function nerfDart(url) {
  const u = new URL(url);
  return '//' + u.host + u.pathname.replace(/[^/]*$/, '');
}

/** Returns the credentials npm would use for `registryUrl`, walking up the path like npm's nerf-dart lookup. */
function authFor(registryUrl, opts = {}) {
  const rc = opts.npmrc || loadNpmrc();
  let key = nerfDart(registryUrl.endsWith('/') ? registryUrl : registryUrl + '/');
  while (key.length > 2) {
    if (rc[key + ':_authToken']) return { type: 'Bearer', token: rc[key + ':_authToken'] };
    if (rc[key + ':_auth']) return { type: 'Basic', token: rc[key + ':_auth'] };
    if (rc[key + ':username'] && rc[key + ':_password']) {
      const pw = Buffer.from(rc[key + ':_password'], 'base64').toString('utf8');
      return { type: 'Basic', token: Buffer.from(rc[key + ':username'] + ':' + pw).toString('base64') };
    }
    key = key.replace(/[^/]*\/$/, '');
  }
  return undefined;
}

function headerFor(registryUrl) {
  const a = authFor(registryUrl);
  return a ? `${a.type} ${a.token}` : undefined;
}
module.exports = { authFor, headerFor };
