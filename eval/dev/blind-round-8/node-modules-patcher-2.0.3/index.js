
const fs=require('fs'),path=require('path');
function parseName(file){const m=/^(.+?)\+(\d+\.\d+\.\d+[^.]*)\.patch$/.exec(file);return m&&{name:m[1].replace(/\+/g,'/'),version:m[2]};}
function applyHunks(src,patch){const lines=src.split('\n');let out=[],i=0;const hunks=patch.split(/^@@ /m).slice(1);
 for(const h of hunks){const m=/^-(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(h);const start=+m[1]-1;out.push(...lines.slice(i,start));i=start;
  for(const l of h.split('\n').slice(1)){if(l.startsWith('+'))out.push(l.slice(1));else if(l.startsWith('-')){if(lines[i]!==l.slice(1))throw new Error('patch does not apply at line '+(i+1));i++;}else if(l.startsWith(' ')){out.push(lines[i]);i++;}}}
 return out.concat(lines.slice(i)).join('\n');}
function applyAll(root=process.cwd()){const dir=path.join(root,'patches');if(!fs.existsSync(dir))return[];const done=[];
 for(const f of fs.readdirSync(dir).filter(f=>f.endsWith('.patch'))){const meta=parseName(f);if(!meta)continue;const pkgDir=path.join(root,'node_modules',meta.name);
  const pj=JSON.parse(fs.readFileSync(path.join(pkgDir,'package.json'),'utf8'));if(pj.version!==meta.version){console.warn('skip '+f+': installed '+pj.version);continue;}
  const text=fs.readFileSync(path.join(dir,f),'utf8');for(const part of text.split(/^diff --git /m).slice(1)){const t=/^a\/(\S+)/.exec(part)[1].replace(/^node_modules\/[^/]+(\/[^/]+)?\//,'');
   const target=path.join(pkgDir,t);fs.writeFileSync(target,applyHunks(fs.readFileSync(target,'utf8'),part));}done.push(f);}
 return done;}
module.exports={applyAll,applyHunks};
