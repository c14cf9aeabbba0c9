
const https=require('https'),fs=require('fs'),path=require('path'),os=require('os');
const cacheDir=path.join(process.env.XDG_CONFIG_HOME||path.join(os.homedir(),'.config'),'cli-update-nudge');
function newer(a,b){const x=a.split('.').map(Number),y=b.split('.').map(Number);for(let i=0;i<3;i++){if(x[i]!==y[i])return x[i]>y[i];}return false;}
module.exports=function nudge({pkg,interval=864e5,registry=process.env.npm_config_registry||'https://registry.npmjs.example.org/'}){
 if(process.env.CI||process.env.NO_UPDATE_NOTIFIER||!process.stdout.isTTY)return;
 const file=path.join(cacheDir,pkg.name.replace('/','__')+'.json');let st={};try{st=JSON.parse(fs.readFileSync(file,'utf8'))}catch(e){}
 if(st.latest&&newer(st.latest,pkg.version))process.on('exit',()=>console.error('\n  Update available '+pkg.version+' → '+st.latest+'\n  Run npm i -g '+pkg.name+' to update\n'));
 if(Date.now()-(st.checked||0)<interval)return;
 const req=https.get(registry.replace(/\/$/,'')+'/'+encodeURIComponent(pkg.name)+'/latest',{headers:{accept:'application/json'},timeout:3000},res=>{let d='';res.on('data',c=>d+=c);res.on('end',()=>{try{const v=JSON.parse(d).version;fs.mkdirSync(cacheDir,{recursive:true});fs.writeFileSync(file,JSON.stringify({latest:v,checked:Date.now()}));}catch(e){}});});
 req.on('error',()=>{});req.on('timeout',()=>req.destroy());req.unref&&req.unref();};
