#!/usr/bin/env node
'use strict';
const { merge } = require('./index');
const args = process.argv.slice(2);
const oi = args.indexOf('-o');
const out = oi >= 0 ? args.splice(oi, 2)[1] : 'merged.pdf';
merge(args.map((a) => { const [file, pages] = a.split(':'); return { file, pages }; }), out).then(() => console.log('wrote', out));
