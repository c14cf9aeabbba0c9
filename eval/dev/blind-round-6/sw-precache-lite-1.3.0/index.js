"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

function walk(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else if (/\.(html|js|css|svg|png|woff2?|json|webmanifest)$/.test(e.name)) out.push(p);
  }
  return out;
}

function generate({ dist = "dist", out = "sw.js", cacheName = "precache" } = {}) {
  const files = walk(dist).map((f) => {
    const rev = crypto.createHash("md5").update(fs.readFileSync(f)).digest("hex").slice(0, 10);
    return { url: "/" + path.relative(dist, f).split(path.sep).join("/"), rev };
  });
  const tpl = fs.readFileSync(path.join(__dirname, "sw-template.js"), "utf8");
  const version = crypto.createHash("md5").update(JSON.stringify(files)).digest("hex").slice(0, 8);
  const sw = tpl.replace("__MANIFEST__", JSON.stringify(files)).replace("__CACHE__", JSON.stringify(cacheName + "-" + version));
  fs.writeFileSync(path.join(dist, out), sw);
  return { count: files.length, version };
}

module.exports = { generate, walk };

// Validates a generated manifest against the dist folder (CI check).
function verify({ dist = "dist", out = "sw.js" } = {}) {
  const sw = fs.readFileSync(path.join(dist, out), "utf8");
  const m = /const MANIFEST = (\[.*?\]);/s.exec(sw);
  if (!m) throw new Error("manifest not found in " + out);
  const entries = JSON.parse(m[1]); const problems = [];
  for (const e of entries) {
    const f = path.join(dist, e.url.replace(/^\//, ""));
    if (!fs.existsSync(f)) { problems.push(`missing ${e.url}`); continue; }
    const rev = crypto.createHash("md5").update(fs.readFileSync(f)).digest("hex").slice(0, 10);
    if (rev !== e.rev) problems.push(`stale ${e.url}`);
  }
  return problems;
}
module.exports.verify = verify;
