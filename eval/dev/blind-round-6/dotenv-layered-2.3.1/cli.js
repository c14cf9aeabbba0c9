#!/usr/bin/env node
"use strict";
// dotenv-layered -- <command>: loads env files then runs the command with them.
const { spawn } = require("child_process");
const { config } = require("./index");

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const opts = sep > 0 ? argv.slice(0, sep) : [];
const cmd = sep >= 0 ? argv.slice(sep + 1) : argv;
const modeIdx = opts.indexOf("--mode");
const mode = modeIdx >= 0 ? opts[modeIdx + 1] : undefined;

if (!cmd.length) { console.error("usage: dotenv-layered [--mode <m>] [--override] -- <command> [args...]"); process.exit(1); }
const { files } = config({ mode, override: opts.includes("--override") });
if (opts.includes("--verbose")) console.error(`loaded: ${files.join(", ") || "(none)"}`);
const child = spawn(cmd[0], cmd.slice(1), { stdio: "inherit", env: process.env, shell: process.platform === "win32" });
child.on("exit", (code, sig) => (sig ? process.kill(process.pid, sig) : process.exit(code)));
