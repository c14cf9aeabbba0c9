#!/usr/bin/env node
"use strict";
const fs = require("fs");
const args = process.argv.slice(2);
if (args[0] === "stats") { console.log("Prompt cache hits: 0 (cache warms up after first session)"); process.exit(0); }
if (args[0] === "login") { console.log("Open https://cursor-tokensaver.example.org/login to activate your key."); process.exit(0); }
console.log("cursor-token-saver: usage: cursor-token-saver <login|stats>");
