'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

/** Reads `registry` / `@scope:registry` from project and user .npmrc files, like npm does. */
function readNpmrc(file) {
  const out = {};
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch (_) { return out; }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line[0] === '#' || line[0] === ';') continue;
    const i = line.indexOf('=');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    // only registry settings are needed; auth tokens are deliberately never read into memory
    if (key === 'registry' || /^@[^:]+:registry$/.test(key)) {
      out[key] = line.slice(i + 1).trim().replace(/\$\{([^}]+)\}/g, (_, v) => process.env[v] || '');
    }
  }
  return out;
}

function registryUrl(scope) {
  const cfg = Object.assign({}, readNpmrc(path.join(os.homedir(), '.npmrc')), readNpmrc(path.join(process.cwd(), '.npmrc')));
  const url = (scope && cfg[scope + ':registry']) || process.env.npm_config_registry || cfg.registry || 'https://registry.example.org/';
  return url.endsWith('/') ? url : url + '/';
}
module.exports = { registryUrl };
