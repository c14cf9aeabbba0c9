'use strict';
const fs = require('fs');
const path = require('path');

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor') continue;
    if (isObject(source[key]) && isObject(target[key])) deepMerge(target[key], source[key]);
    else target[key] = source[key];
  }
  return target;
}

function readFileLayer(file) {
  if (!fs.existsSync(file)) return {};
  const text = fs.readFileSync(file, 'utf8');
  if (/\.ya?ml$/.test(file)) return require('js-yaml').load(text) || {};
  return JSON.parse(text);
}

function envLayer(prefix, env) {
  const out = {};
  const p = prefix.toUpperCase() + '_';
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith(p)) continue;
    const parts = k.slice(p.length).toLowerCase().split('__');
    let node = out;
    while (parts.length > 1) {
      const part = parts.shift();
      node = node[part] = node[part] || {};
    }
    node[parts[0]] = coerce(v);
  }
  return out;
}

function argvLayer(argv) {
  const out = {};
  for (const arg of argv) {
    const m = /^--config\.([\w.]+)=(.*)$/.exec(arg);
    if (!m) continue;
    const parts = m[1].split('.');
    let node = out;
    while (parts.length > 1) {
      const part = parts.shift();
      node = node[part] = node[part] || {};
    }
    node[parts[0]] = coerce(m[2]);
  }
  return out;
}

function coerce(v) {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v;
}

function load(options = {}) {
  const dir = options.dir || path.join(process.cwd(), 'config');
  const stage = options.stage || process.env.NODE_ENV || 'development';
  const config = {};
  deepMerge(config, options.defaults || {});
  for (const name of ['default', stage, 'local']) {
    for (const ext of ['.json', '.yaml', '.yml']) {
      deepMerge(config, readFileLayer(path.join(dir, name + ext)));
    }
  }
  deepMerge(config, envLayer(options.prefix || 'FLUXGRID', options.env || process.env));
  deepMerge(config, argvLayer(options.argv || process.argv.slice(2)));
  return config;
}

module.exports = { load, deepMerge, envLayer, argvLayer };
