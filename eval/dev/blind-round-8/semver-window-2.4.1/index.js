
'use strict';
function parse(v){const m=/^(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());if(!m)throw new TypeError('invalid version '+v);return m.slice(1).map(Number);}
function cmp(a,b){a=parse(a);b=parse(b);for(let i=0;i<3;i++){if(a[i]!==b[i])return a[i]-b[i];}return 0;}
function window(versions,anchor,size){const s=versions.slice().sort(cmp);const i=s.findIndex(v=>cmp(v,anchor)>=0);return s.slice(Math.max(0,i-size),i+size+1);}
module.exports={parse,cmp,window};
