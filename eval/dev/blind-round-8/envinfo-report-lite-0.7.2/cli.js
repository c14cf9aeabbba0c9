#!/usr/bin/env node
const {collect,markdown}=require('./index');console.log(markdown(collect({envNames:process.argv.includes('--env-names')})));
