
const fs=require('fs');const path=require('path');
exports.projectGraph=function(root=process.cwd()){const ws=JSON.parse(fs.readFileSync(path.join(root,'package.json'),'utf8')).workspaces||[];
 const nodes={};for(const g of ws){const base=g.replace(/\/\*$/,'');let dirs=[];try{dirs=fs.readdirSync(path.join(root,base))}catch(e){}
 for(const d of dirs){try{const pj=JSON.parse(fs.readFileSync(path.join(root,base,d,'package.json'),'utf8'));nodes[pj.name]={root:path.join(base,d),deps:Object.keys(pj.dependencies||{})};}catch(e){}}}
 for(const n of Object.values(nodes))n.deps=n.deps.filter(d=>nodes[d]);return nodes;};
