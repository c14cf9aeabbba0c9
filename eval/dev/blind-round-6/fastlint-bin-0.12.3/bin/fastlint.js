#!/usr/bin/env node
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");
const bin = path.join(__dirname, "..", "vendor", process.platform === "win32" ? "fastlint.exe" : "fastlint");
const r = spawnSync(bin, process.argv.slice(2), { stdio: "inherit" });
if (r.error) { console.error("fastlint binary missing; reinstall the package or set FASTLINT_MIRROR"); process.exit(1); }
process.exit(r.status === null ? 1 : r.status);
