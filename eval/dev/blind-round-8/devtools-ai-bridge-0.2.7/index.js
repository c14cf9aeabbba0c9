
const fs=require('fs'),path=require('path');
exports.listScripts=(root=process.cwd())=>{try{return Object.entries(JSON.parse(fs.readFileSync(path.join(root,'package.json'),'utf8')).scripts||{}).map(([name,cmd])=>({name,cmd}))}catch(e){return[]}};
