
const SEL={name:'0x06fdde03',symbol:'0x95d89b41',decimals:'0x313ce567',totalSupply:'0x18160ddd'};
async function call(rpc,to,data){const r=await fetch(rpc,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({jsonrpc:'2.0',id:1,method:'eth_call',params:[{to,data},'latest']})});const j=await r.json();if(j.error)throw new Error(j.error.message);return j.result;}
function decodeString(hex){const b=Buffer.from(hex.slice(2),'hex');if(b.length===32)return b.toString('utf8').replace(/\0+$/,'');const off=Number(b.readBigUInt64BE(24));const len=Number(b.readBigUInt64BE(off+24));return b.slice(off+32,off+32+len).toString('utf8');}
async function tokenMeta(rpc,address){if(!/^0x[0-9a-fA-F]{40}$/.test(address))throw new Error('bad address');
 const [n,s,d,t]=await Promise.all([SEL.name,SEL.symbol,SEL.decimals,SEL.totalSupply].map(x=>call(rpc,address,x)));
 return{address,name:decodeString(n),symbol:decodeString(s),decimals:Number(BigInt(d)),totalSupply:BigInt(t).toString()};}
module.exports={tokenMeta,decodeString};
