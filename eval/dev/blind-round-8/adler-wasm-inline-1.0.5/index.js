const WASM_B64='AGFzbQEAAAABBwFgAn9/AX8DAgEABwcBA2FkZAAACgkBBwAgACABags=';
const bytes=typeof Buffer!=='undefined'?Buffer.from(WASM_B64,'base64'):Uint8Array.from(atob(WASM_B64),c=>c.charCodeAt(0));
const mod=new WebAssembly.Module(bytes);const inst=new WebAssembly.Instance(mod,{});
const add=inst.exports.add;
function adler32(buf){let a=1,b=0;for(let i=0;i<buf.length;i++){a=(a+buf[i])%65521;b=add(b,a)%65521;}return ((b<<16)|a)>>>0;}
module.exports={adler32};
