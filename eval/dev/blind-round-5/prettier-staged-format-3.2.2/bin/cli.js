#!/usr/bin/env node
"use strict";
const { execFileSync } = require("child_process");
const staged = execFileSync("git", ["diff", "--cached", "--name-only", "--diff-filter=ACMR"], { encoding: "utf8" }).split("\n").filter((f) => /\.(js|jsx|ts|tsx|css|scss|json|md|ya?ml)$/.test(f));
if (!staged.length) process.exit(0);
execFileSync("npx", ["--no-install", "prettier", "--write", ...staged], { stdio: "inherit" });
execFileSync("git", ["add", ...staged]);
