#!/usr/bin/env node
'use strict';
const { save, restore, cacheKey } = require('./index');
const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'restore') console.log(JSON.stringify(restore()));
else if (cmd === 'save') console.log(JSON.stringify(save(rest.length ? rest : ['node_modules'])));
else console.log(cacheKey());
