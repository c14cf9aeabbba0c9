#!/usr/bin/env node
'use strict';
const { projectRoot, setHooks } = require('./index');
const root = projectRoot(process.cwd());
if (!root) { console.error('not inside a git repository'); process.exit(1); }
console.log('installed: ' + setHooks(root).join(', '));
