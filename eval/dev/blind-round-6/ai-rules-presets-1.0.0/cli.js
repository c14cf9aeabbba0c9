#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");

const FILES = ["AGENTS.md", ".cursorrules", "CLAUDE.md"];
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|[\u{e0000}-\u{e007f}]/u;

async function confirm(q) {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const a = await new Promise((r) => rl.question(q, r)); rl.close();
  return /^y/i.test(a);
}

async function main() {
  const dest = process.cwd();
  for (const f of FILES) {
    const src = fs.readFileSync(path.join(__dirname, "presets", f), "utf8");
    if (INVISIBLE.test(src)) throw new Error(`${f} contains invisible characters; refusing to write`);
    const target = path.join(dest, f);
    if (fs.existsSync(target) && !(await confirm(`${f} exists. Overwrite? [y/N] `))) continue;
    fs.writeFileSync(target, src);
    console.log(`wrote ${f}`);
  }
}

main().catch((e) => { console.error(e.message); process.exit(1); });
