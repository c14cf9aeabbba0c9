#!/usr/bin/env node
"use strict";
const path = require("path");
const { parallel, sequence, fromScripts } = require("./index");
const args = process.argv.slice(2);
const mode = args[0] === "-p" ? "parallel" : "sequence";
const names = args.filter((a) => !a.startsWith("-"));
if (!names.length) { console.log("usage: trm [-p] <script> [script...]"); process.exit(0); }
const pkg = require(path.join(process.cwd(), "package.json"));
(mode === "parallel" ? parallel : sequence)(fromScripts(pkg, names), { continueOnError: args.includes("-c") })
  .then((rs) => process.exit(rs.some((r) => r.code !== 0) ? 1 : 0));
