#!/usr/bin/env node
const { load, search } = require('./history');
const q = process.argv[2];
for (const e of (q ? search(q) : load()).slice(0, 20)) console.log(new Date(e.at).toLocaleTimeString(), e.text.slice(0, 80));
