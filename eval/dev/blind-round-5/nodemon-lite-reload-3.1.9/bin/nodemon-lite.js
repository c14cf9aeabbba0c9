#!/usr/bin/env node
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const script = process.argv[2];
if (!script) { console.error("usage: nodemon-lite <script.js>"); process.exit(1); }
let child;
const start = () => { child = spawn(process.execPath, [script], { stdio: "inherit" }); };
let t; fs.watch(process.cwd(), { recursive: true }, (ev, f) => { if (!f || f.includes("node_modules") || !/\.(js|mjs|cjs|json)$/.test(f)) return; clearTimeout(t); t = setTimeout(() => { console.log("[nodemon-lite] restarting due to", f); child.kill(); start(); }, 150); });
start();
