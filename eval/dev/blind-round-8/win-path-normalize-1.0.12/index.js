
const path=require('path');
module.exports=function norm(p,{posix=false}={}){let s=String(p).replace(/[\\/]+/g,'/');const drive=/^[a-zA-Z]:/.exec(s);if(drive)s=drive[0].toUpperCase()+s.slice(2);s=path.posix.normalize(s);if(s.length>1&&s.endsWith('/'))s=s.slice(0,-1);return posix?s:s.replace(/\//g,'\\');};
