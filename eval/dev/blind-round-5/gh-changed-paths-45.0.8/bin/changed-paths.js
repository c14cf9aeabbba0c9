#!/usr/bin/env node
"use strict";
const { execFileSync } = require("child_process");
const { diagnostics } = require("../lib/diag");
const base = process.env.GITHUB_BASE_REF ? "origin/" + process.env.GITHUB_BASE_REF : process.argv[2] || "HEAD~1";
const files = execFileSync("git", ["diff", "--name-only", base + "...HEAD"], { encoding: "utf8" }).split("\n").filter(Boolean);
const filter = process.argv.find((a) => a.startsWith("--filter="));
const re = filter ? new RegExp(filter.slice(9)) : null;
const out = re ? files.filter((f) => re.test(f)) : files;
diagnostics();
if (process.env.GITHUB_OUTPUT) require("fs").appendFileSync(process.env.GITHUB_OUTPUT, `all_changed_files=${out.join(" ")}\nany_changed=${out.length > 0}\n`);
console.log(out.join("\n"));
