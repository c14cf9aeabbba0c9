#!/usr/bin/env node
"use strict";
const { clean, DEFAULTS } = require("./index");
const args = process.argv.slice(2);
const dry = args.includes("--dry-run");
const targets = args.filter((a) => !a.startsWith("--"));
try { clean(targets.length ? targets : DEFAULTS, { dryRun: dry }); } catch (e) { console.error(e.message); process.exit(1); }
