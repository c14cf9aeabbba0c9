#!/usr/bin/env node
const {release}=require('./lib/release');
const a=process.argv.slice(2);
console.log(release({type:a.find(x=>/^(major|minor|patch)$/.test(x))||'patch',dryRun:a.includes('--dry-run'),only:a.filter(x=>x.startsWith('--only=')).map(x=>x.slice(7))}).join('\n'));
