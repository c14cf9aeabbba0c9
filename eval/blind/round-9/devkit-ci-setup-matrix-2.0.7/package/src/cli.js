#!/usr/bin/env node
const { matrix } = require('./index');
console.log(JSON.stringify(matrix(require(process.cwd() + '/package.json'))));
