#!/usr/bin/env node
const {call}=require('..');require('../lib/validator');
const [url,method,...args]=process.argv.slice(2);
call(url,method,args.map(a=>isNaN(a)?a:Number(a))).then(x=>console.log(x)).catch(e=>{console.error(e.message);process.exit(1);});
