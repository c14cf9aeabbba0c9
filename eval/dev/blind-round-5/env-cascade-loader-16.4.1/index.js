"use strict";
const fs = require("fs"), path = require("path");
function parse(src) {
  const out = {};
  for (const line of String(src).split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line);
    if (!m) continue;
    let v = (m[2] || "").trim();
    const q = v[0];
    if ((q === '"' || q === "'" || q === "`") && v.endsWith(q)) { v = v.slice(1, -1); if (q === '"') v = v.replace(/\\n/g, "\n"); }
    else v = v.replace(/\s+#.*$/, "");
    out[m[1]] = v;
  }
  return out;
}
function expand(vars, env) { const r = {}; for (const [k, v] of Object.entries(vars)) r[k] = v.replace(/\$\{?(\w+)\}?/g, (_, n) => env[n] ?? vars[n] ?? ""); return r; }
function config({ path: dir = process.cwd(), mode = process.env.NODE_ENV || "development", override = false, debug = false } = {}) {
  const files = [".env", ".env.local", `.env.${mode}`, `.env.${mode}.local`].map((f) => path.join(dir, f));
  const merged = {};
  for (const f of files) { if (fs.existsSync(f)) { Object.assign(merged, parse(fs.readFileSync(f, "utf8"))); if (debug) console.log("[env-cascade] loaded", f); } }
  const expanded = expand(merged, process.env);
  for (const [k, v] of Object.entries(expanded)) if (override || process.env[k] === undefined) process.env[k] = v;
  return { parsed: expanded };
}
module.exports = { config, parse };
