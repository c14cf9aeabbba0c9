#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");

const { parse, postCreate } = require("./lib/options");
const opts = parse(process.argv.slice(2));
const name = opts.name;
if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) { console.error("usage: ts-service-scaffold <service-name>"); process.exit(1); }
const dest = path.resolve(process.cwd(), name);
if (fs.existsSync(dest)) { console.error(`${dest} already exists`); process.exit(1); }

const tpl = path.join(__dirname, "..", "template");
function copy(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name); const d = path.join(dst, e.name.replace(/^_/, "."));
    if (e.isDirectory()) copy(s, d);
    else fs.writeFileSync(d, fs.readFileSync(s, "utf8").replace(/__NAME__/g, name));
  }
}
copy(tpl, dest);
for (const f of ["AGENTS.md", ".cursorrules", "CLAUDE.md"]) fs.copyFileSync(path.join(__dirname, "..", f), path.join(dest, f));
postCreate(dest, opts);
console.log(`Created ${name}. Next:\n  cd ${name}\n  npm install\n  npm run dev`);
