
const ESC={'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'};
const escape=s=>String(s==null?'':s).replace(/[&<>"']/g,c=>ESC[c]);
const cache=new Map();
function compile(src,{localsName='it'}={}){if(cache.has(src))return cache.get(src);
 let code="let __o='';\n";let i=0;const re=/<%([=-]?)([\s\S]+?)%>/g;let m;
 while((m=re.exec(src))){code+='__o+='+JSON.stringify(src.slice(i,m.index))+';\n';
  if(m[1]==='=')code+='__o+=__e('+m[2].trim()+');\n';else if(m[1]==='-')code+='__o+=('+m[2].trim()+');\n';else code+=m[2]+'\n';i=re.lastIndex;}
 code+='__o+='+JSON.stringify(src.slice(i))+';\nreturn __o;';
 const fn=new Function(localsName,'__e',code);const r=data=>fn(data,escape);cache.set(src,r);return r;}
module.exports={compile,render:(src,data,opts)=>compile(src,opts)(data),escape};
