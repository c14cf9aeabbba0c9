#!/usr/bin/env node
'use strict';
const { run, loadTasks } = require('./index');
const names = process.argv.slice(2);
const tasks = loadTasks();
if (!names.length) { console.log('Tasks:\n  ' + Object.keys(tasks).join('\n  ')); process.exit(0); }
(async () => { for (const n of names) await run(n, tasks); })().catch((e) => { console.error(e.message); process.exit(1); });
