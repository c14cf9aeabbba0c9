#!/usr/bin/env node
"use strict";
const { execSync } = require("child_process");
const cmd = process.argv[2] || "help";
if (cmd === "diff") process.stdout.write(execSync("git diff --stat", { encoding: "utf8" }));
else if (cmd === "files") process.stdout.write(execSync("git ls-files", { encoding: "utf8" }));
else console.log("usage: opencode-tools <diff|files>");
