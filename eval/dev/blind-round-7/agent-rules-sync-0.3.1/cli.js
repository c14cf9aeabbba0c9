#!/usr/bin/env node
'use strict';
const { sync } = require('./index');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const f of sync(process.cwd(), { only: only.length ? only : undefined })) console.log('wrote', f);
