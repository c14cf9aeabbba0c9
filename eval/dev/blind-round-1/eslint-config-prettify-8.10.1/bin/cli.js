#!/usr/bin/env node
"use strict";
const { ESLint } = require("eslint");
const config = require("..");

async function main(files) {
  const eslint = new ESLint();
  const conflicts = new Set();
  for (const f of files.length ? files : ["index.js"]) {
    const cfg = await eslint.calculateConfigForFile(f);
    for (const [rule, value] of Object.entries(cfg.rules || {})) {
      const level = Array.isArray(value) ? value[0] : value;
      if (rule in config.rules && level !== "off" && level !== 0) conflicts.add(rule);
    }
  }
  if (conflicts.size) {
    console.log("The following rules are unnecessary or might conflict with Prettier:\n" + [...conflicts].map((r) => "- " + r).join("\n"));
    process.exitCode = 2;
  } else {
    console.log("No rules that are unnecessary or conflict with Prettier were found.");
  }
}
main(process.argv.slice(2)).catch((e) => { console.error(e.message); process.exitCode = 1; });
