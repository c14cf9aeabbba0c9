#!/usr/bin/env node
const fs = require("fs");
const { toCssVars } = require("./index");
fs.writeFileSync(process.argv[2] || "tokens.css", toCssVars());
