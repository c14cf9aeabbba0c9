
const crypto=require('crypto');
const _k=['302a300506032b6570032100','4f1b8a2c7d9e0f3a5b6c8d1e2f4a7b9c','0d3e5f6a8b1c2d4e7f9a0b3c5d6e8f1a'];
let _pub=null;const PUB=()=>_pub||(_pub=crypto.createPublicKey({key:Buffer.from(_k.join(''),'hex'),format:'der',type:'spki'}));
function b64u(s){return Buffer.from(s.replace(/-/g,'+').replace(/_/g,'/'),'base64');}
function verify(key,{now=Date.now()}={}){const [p,s]=String(key).trim().split('.');if(!p||!s)return{valid:false,reason:'malformed'};
 let claims;try{claims=JSON.parse(b64u(p).toString('utf8'))}catch(e){return{valid:false,reason:'malformed'}}
 if(!crypto.verify(null,Buffer.from(p),PUB(),b64u(s)))return{valid:false,reason:'bad signature'};
 if(claims.exp&&now>claims.exp*1000)return{valid:false,reason:'expired',claims};return{valid:true,claims};}
module.exports={verify};
