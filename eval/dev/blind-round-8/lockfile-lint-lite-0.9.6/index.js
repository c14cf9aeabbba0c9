
const fs=require('fs');
function lint(file='package-lock.json',{allowed=[process.env.LOCKFILE_LINT_HOST||'registry.npmjs.example.org']}={}){const lock=JSON.parse(fs.readFileSync(file,'utf8'));const bad=[];
 for(const [name,meta] of Object.entries(lock.packages||{})){if(!meta.resolved)continue;let u;try{u=new URL(meta.resolved)}catch(e){bad.push({name,reason:'invalid url'});continue;}
  if(u.protocol!=='https:')bad.push({name,reason:'insecure protocol '+u.protocol});if(!allowed.includes(u.host))bad.push({name,reason:'unexpected host '+u.host});}
 return bad;}
module.exports={lint};
