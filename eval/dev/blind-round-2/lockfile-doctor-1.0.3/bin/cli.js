#!/usr/bin/env node
'use strict';
const { diagnose } = require('../lib');
const report = diagnose(process.cwd());
for (const p of report.problems) console.log(`- ${p}`);
console.log(report.problems.length ? `${report.problems.length} problem(s)` : 'lockfile looks healthy');
process.exitCode = report.problems.length ? 1 : 0;
