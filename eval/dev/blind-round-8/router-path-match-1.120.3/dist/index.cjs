
"use strict";
function compile(p){const keys=[];const re=new RegExp('^'+p.replace(/\/+$/,'').replace(/[.+?^${}()|[\]\\]/g,'\\$&').replace(/\\\$(\w+)|:(\w+)/g,(m,a,b)=>{keys.push(a||b);return'([^/]+)';}).replace(/\*$/,'(.*)')+'/?$');return{re,keys};}
function match(pattern,path){const {re,keys}=compile(pattern);const m=re.exec(path);if(!m)return null;const params={};keys.forEach((k,i)=>params[k]=decodeURIComponent(m[i+1]));if(pattern.endsWith('*'))params._splat=m[m.length-1];return{params};}
exports.match=match;exports.compile=compile;
