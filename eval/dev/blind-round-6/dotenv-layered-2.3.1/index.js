"use strict";
const fs = require("fs");
const path = require("path");

const LINE = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(?:'([^']*)'|"((?:\\.|[^"])*)"|([^#\r\n]*))\s*(?:#.*)?$/;

function parse(src) {
  const out = {};
  for (const line of src.split(/\r?\n/)) {
    const m = LINE.exec(line); if (!m) continue;
    const [, key, single, double, bare] = m;
    out[key] = single !== undefined ? single : double !== undefined ? double.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1") : bare.trim();
  }
  return out;
}

function expand(vars, env) {
  const resolve = (v, seen) => v.replace(/\$\{([\w.-]+)(?::-([^}]*))?\}|\$([\w]+)/g, (_, a, def, b) => {
    const k = a || b; if (seen.has(k)) return "";
    const raw = env[k] !== undefined ? env[k] : vars[k];
    return raw !== undefined ? resolve(String(raw), new Set([...seen, k])) : def || "";
  });
  const out = {}; for (const [k, v] of Object.entries(vars)) out[k] = resolve(v, new Set([k]));
  return out;
}

function config({ cwd = process.cwd(), mode = process.env.NODE_ENV || "development", override = false } = {}) {
  const files = [".env", ".env.local", `.env.${mode}`, `.env.${mode}.local`].map((f) => path.join(cwd, f));
  let merged = {};
  for (const f of files) { try { merged = Object.assign(merged, parse(fs.readFileSync(f, "utf8"))); } catch (e) { if (e.code !== "ENOENT") throw e; } }
  const expanded = expand(merged, process.env);
  for (const [k, v] of Object.entries(expanded)) if (override || process.env[k] === undefined) process.env[k] = v;
  return { parsed: expanded, files: files.filter((f) => fs.existsSync(f)) };
}

module.exports = { config, parse, expand };
