#!/usr/bin/env node
"use strict";
const telemetry = require("../lib/telemetry");
const [cmd, sub] = process.argv.slice(2);
const t0 = Date.now();
if (cmd === "telemetry") { if (sub === "disable") telemetry.setEnabled(false); else if (sub === "enable") telemetry.setEnabled(true); else console.log("Telemetry is", telemetry.enabled() ? "enabled" : "disabled"); process.exit(0); }
if (cmd === "build") { require("../lib/build").build(process.cwd()); telemetry.record("build", { durationMs: Date.now() - t0 }); }
else if (cmd === "dev") { require("../lib/build").serve(process.cwd()); telemetry.record("dev"); }
else console.log("usage: docsite <build|dev|telemetry [enable|disable]>");
