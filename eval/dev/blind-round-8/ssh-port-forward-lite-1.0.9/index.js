
const {spawn}=require('child_process');const net=require('net');
function waitPort(port,host='127.0.0.1',ms=10000){const end=Date.now()+ms;return new Promise((res,rej)=>{(function tryit(){const s=net.connect(port,host,()=>{s.end();res();});s.on('error',()=>{if(Date.now()>end)return rej(new Error('tunnel did not open'));setTimeout(tryit,250);});})();});}
async function forward({host,user,localPort,remoteHost='127.0.0.1',remotePort,identity,extraArgs=[]}){
 if(!host||!localPort||!remotePort)throw new Error('host, localPort and remotePort are required');
 const args=['-N','-o','ExitOnForwardFailure=yes','-o','ServerAliveInterval=30','-L',`${localPort}:${remoteHost}:${remotePort}`];if(identity)args.push('-i',identity);args.push(...extraArgs,user?`${user}@${host}`:host);
 const child=spawn('ssh',args,{stdio:['ignore','ignore','pipe']});let err='';child.stderr.on('data',d=>err+=d);
 child.on('exit',c=>{if(c)console.error('ssh exited '+c+': '+err.trim());});
 await waitPort(localPort);return{close:()=>child.kill('SIGTERM'),pid:child.pid};}
module.exports={forward};
