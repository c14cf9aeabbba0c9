
function isObj(x){return x&&typeof x==='object'&&!Array.isArray(x);}
function merge(a,b,opts={}){const arr=opts.arrays||'replace';if(Array.isArray(a)&&Array.isArray(b))return arr==='concat'?a.concat(b):arr==='union'?[...new Set([...a,...b])]:b.slice();
 if(!isObj(a)||!isObj(b))return b===undefined?a:b;const o={...a};for(const k of Object.keys(b)){if(k==='__proto__'||k==='constructor')continue;o[k]=merge(a[k],b[k],opts);}return o;}
module.exports=(...layers)=>layers.reduce((a,b)=>merge(a,b),{});module.exports.merge=merge;
