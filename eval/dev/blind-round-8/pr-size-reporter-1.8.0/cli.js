#!/usr/bin/env node
const fs=require('fs');const {table,post}=require('./index');
const [b,h]=process.argv.slice(2);
post(table(JSON.parse(fs.readFileSync(b,'utf8')),JSON.parse(fs.readFileSync(h,'utf8')))).catch(e=>{console.error(e.message);process.exit(1);});
