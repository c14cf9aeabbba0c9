#!/usr/bin/env node
'use strict';
const { createProjectGraph, affected, topoSort } = require('./index');
const { execSync } = require('child_process');
const [cmd, ...rest] = process.argv.slice(2);
const g = createProjectGraph();
if (cmd === 'graph') console.log(JSON.stringify(g, null, 2));
else if (cmd === 'affected') {
  const base = rest[0] || 'origin/main';
  const files = execSync(`git diff --name-only ${base}...HEAD`, { encoding: 'utf8' }).split('\n').filter(Boolean);
  console.log(affected(g, files).join('\n'));
} else console.log(topoSort(g).join(' -> '));
