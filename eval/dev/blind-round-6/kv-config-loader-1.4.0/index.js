"use strict";
const fs = require("fs");
const path = require("path");
const { parseIni } = require("./lib/ini");

function deepMerge(a, b) {
  for (const [k, v] of Object.entries(b || {})) {
    if (v && typeof v === "object" && !Array.isArray(v)) a[k] = deepMerge(a[k] || {}, v);
    else if (v !== undefined) a[k] = v;
  }
  return a;
}

function fromEnv(prefix, env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith(prefix)) continue;
    const keys = k.slice(prefix.length).toLowerCase().split("__");
    let cur = out;
    keys.slice(0, -1).forEach((p) => (cur = cur[p] = cur[p] || {}));
    cur[keys[keys.length - 1]] = coerce(v);
  }
  return out;
}

function coerce(v) {
  if (v === "true") return true;
  if (v === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

function loadFile(file) {
  if (!fs.existsSync(file)) return {};
  const txt = fs.readFileSync(file, "utf8");
  if (/\.json$/.test(file)) return JSON.parse(txt);
  if (/\.(ini|cfg)$/.test(file)) return parseIni(txt);
  throw new Error("unsupported config format: " + file);
}

function load(name, { defaults = {}, cwd = process.cwd(), env = process.env } = {}) {
  const files = [`${name}.json`, `.${name}rc`, `${name}.ini`].map((f) => path.join(cwd, f));
  let cfg = deepMerge({}, defaults);
  for (const f of files) {
    try { cfg = deepMerge(cfg, loadFile(f.endsWith("rc") ? f : f)); } catch (e) { if (!/unsupported/.test(e.message)) throw e; }
  }
  return deepMerge(cfg, fromEnv(name.toUpperCase() + "_", env));
}

module.exports = { load, fromEnv, deepMerge };
