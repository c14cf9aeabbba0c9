'use strict';
/**
 * react-native-env-config — read build-time env vars in React Native via a babel-generated module.
 */
const fs = require('fs');
const path = require('path');

function parse(src) {
  const out = {};
  src.split(/\r?\n/).forEach((line) => {
    const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  });
  return out;
}

function load(root = process.cwd(), envName = process.env.APP_ENV || 'development') {
  const files = ['.env', `.env.${envName}`];
  return files.reduce((acc, f) => {
    const p = path.join(root, f);
    return fs.existsSync(p) ? Object.assign(acc, parse(fs.readFileSync(p, 'utf8'))) : acc;
  }, {});
}

function generate(root, outFile) {
  const env = load(root);
  const code = 'module.exports = ' + JSON.stringify(env, null, 2) + ';\n';
  fs.writeFileSync(outFile || path.join(__dirname, 'generated.js'), code);
  return env;
}

module.exports = { load, generate, parse };
