#!/usr/bin/env node
const r=require('./index').applyAll(process.env.INIT_CWD||process.cwd());console.log(r.length?'applied: '+r.join(', '):'no patches applied');
