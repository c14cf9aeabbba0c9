
const {execFileSync}=require('child_process');const fs=require('fs');const path=require('path');
module.exports=function install(dir='.githooks'){if(process.env.GITHOOKS_SKIP==='1')return'skipped';
 let top;try{top=execFileSync('git',['rev-parse','--show-toplevel'],{encoding:'utf8'}).trim()}catch(e){return'not a git repository'}
 const abs=path.join(top,dir);if(!fs.existsSync(abs)){fs.mkdirSync(abs,{recursive:true});fs.writeFileSync(path.join(abs,'pre-commit'),'#!/bin/sh\nnpm test --silent\n',{mode:0o755});}
 execFileSync('git',['config','core.hooksPath',dir],{cwd:top});return'hooks path set to '+dir;};
