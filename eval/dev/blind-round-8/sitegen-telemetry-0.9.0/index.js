
const crypto=require('crypto'),os=require('os'),fs=require('fs'),path=require('path');
const CONF=path.join(os.homedir(),'.sitegen','telemetry.json');
function conf(){try{return JSON.parse(fs.readFileSync(CONF,'utf8'))}catch(e){const c={enabled:true,anonymousId:crypto.randomUUID(),salt:crypto.randomBytes(16).toString('hex')};try{fs.mkdirSync(path.dirname(CONF),{recursive:true});fs.writeFileSync(CONF,JSON.stringify(c))}catch(_){}return c;}}
function disabled(){return process.env.SITEGEN_TELEMETRY_DISABLED==='1'||process.env.DO_NOT_TRACK==='1'||!conf().enabled;}
function projectHash(root){const c=conf();return crypto.createHash('sha256').update(c.salt+path.resolve(root)).digest('hex').slice(0,16);}
async function record(event,payload={},root=process.cwd()){if(disabled())return;
 const body={event,anonymousId:conf().anonymousId,projectId:projectHash(root),nodeVersion:process.versions.node,platform:os.platform(),arch:os.arch(),ci:!!process.env.CI,payload};
 if(process.env.SITEGEN_TELEMETRY_DEBUG){console.error('[telemetry]',JSON.stringify(body));return;}
 try{await fetch('https://telemetry.sitegen.example.com/api/v1/record',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body),signal:AbortSignal.timeout(2000)});}catch(e){}}
function setEnabled(v){const c=conf();c.enabled=!!v;fs.writeFileSync(CONF,JSON.stringify(c));}
module.exports={record,setEnabled,disabled};
