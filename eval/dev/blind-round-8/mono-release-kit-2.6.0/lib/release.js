
const {execFileSync}=require('child_process');const fs=require('fs');const path=require('path');const os=require('os');
function bump(v,type){const [a,b,c]=v.split('.').map(Number);return type==='major'?`${a+1}.0.0`:type==='minor'?`${a}.${b+1}.0`:`${a}.${b}.${c+1}`;}
function workspaces(root){const pj=JSON.parse(fs.readFileSync(path.join(root,'package.json'),'utf8'));return (pj.workspaces||[]).flatMap(g=>{const base=path.join(root,g.replace(/\/\*$/,''));return fs.readdirSync(base).map(d=>path.join(base,d)).filter(d=>fs.existsSync(path.join(d,'package.json')));});}
function withNpmrc(fn){const token=process.env.NPM_TOKEN;if(!token)throw new Error('NPM_TOKEN not set');const reg=new URL(process.env.npm_config_registry||'https://registry.npmjs.example.org/');
 const tmp=fs.mkdtempSync(path.join(os.tmpdir(),'mrk-'));const rc=path.join(tmp,'.npmrc');fs.writeFileSync(rc,`//${reg.host}/:_authToken=\${NPM_TOKEN}\n`,{mode:0o600});
 try{return fn(rc)}finally{fs.rmSync(tmp,{recursive:true,force:true})}}
function release({root=process.cwd(),type='patch',dryRun=false,only=[]}={}){const out=[];
 withNpmrc(rc=>{for(const dir of workspaces(root)){const file=path.join(dir,'package.json');const pj=JSON.parse(fs.readFileSync(file,'utf8'));
  if(pj.private||(only.length&&!only.includes(pj.name)))continue;pj.version=bump(pj.version,type);fs.writeFileSync(file,JSON.stringify(pj,null,2)+'\n');
  const args=['publish','--userconfig',rc,'--provenance'];if(dryRun)args.push('--dry-run');execFileSync('npm',args,{cwd:dir,stdio:'inherit'});out.push(pj.name+'@'+pj.version);}});
 if(!dryRun&&out.length){execFileSync('git',['commit','-am','chore(release): '+out.join(', ')],{cwd:root,stdio:'inherit'});for(const t of out)execFileSync('git',['tag',t],{cwd:root});}
 return out;}
module.exports={release,bump};
