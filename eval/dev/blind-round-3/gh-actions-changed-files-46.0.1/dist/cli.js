#!/usr/bin/env node
const { changedFiles } = require("./index");
const r = changedFiles({ filter: process.argv[2] });
console.log([...r.added, ...r.modified].join("\n"));
