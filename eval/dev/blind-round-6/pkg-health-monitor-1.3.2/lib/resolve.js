"use strict";
const fs = require("fs");
const path = require("path");
function resolveSync(root, name) {
  let dir = root;
  while (true) {
    const p = path.join(dir, "node_modules", name, "package.json");
    if (fs.existsSync(p)) { const j = JSON.parse(fs.readFileSync(p, "utf8")); return { version: j.version, license: typeof j.license === "string" ? j.license : (j.license || {}).type, deprecated: j.deprecated }; }
    const up = path.dirname(dir); if (up === dir) return null; dir = up;
  }
}
module.exports = { resolveSync };
