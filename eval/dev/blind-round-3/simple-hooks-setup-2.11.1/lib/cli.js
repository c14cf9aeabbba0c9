#!/usr/bin/env node
const { setHooks, findProjectRoot } = require('./index');
const root = findProjectRoot(process.cwd());
if (!root) { console.error('not inside a git project'); process.exit(1); }
console.log(`installed: ${setHooks(root).join(', ') || 'none'}`);
