#!/usr/bin/env node
'use strict';
const { execSync } = require('child_process');
const { loadProjects, affected } = require('./index');
const base = process.argv[2] || 'origin/main';
const changed = execSync(`git diff --name-only ${base}...HEAD`).toString().split('\n').filter(Boolean);
const projects = loadProjects(process.cwd());
console.log(affected(projects, changed).join('\n'));
