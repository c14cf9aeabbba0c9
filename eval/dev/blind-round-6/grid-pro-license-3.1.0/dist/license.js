"use strict";
var _0x3c=["\x76\x61\x6c\x69\x64","\x65\x78\x70\x69\x72\x65\x64","\x69\x6e\x76\x61\x6c\x69\x64","\x47\x72\x69\x64\x20\x50\x72\x6f\x20\x54\x72\x69\x61\x6c","\x64\x69\x76"];
var _0xk=[71,114,105,100,80,114,111,33];
function _0xd(s){var o=[];for(var i=0;i<s.length;i++)o.push(s.charCodeAt(i)^_0xk[i%_0xk.length]);return o;}
function _0xh(a){var h=0x811c9dc5;for(var i=0;i<a.length;i++){h^=a[i];h=Math.imul(h,0x01000193)>>>0;}return ("0000000"+h.toString(16)).slice(-8);}
function _0xb(s){try{return typeof atob==="function"?atob(s):Buffer.from(s,"base64").toString("binary");}catch(e){return "";}}
function validate(key,now){
  now=now||new Date();
  var p=String(key||"").split("-");
  if(p.length!==3)return{status:_0x3c[2]};
  var body=_0xb(p[1]);var parts=body.split("|");
  if(parts.length!==3)return{status:_0x3c[2]};
  var sig=_0xh(_0xd(p[0]+"|"+body));
  if(sig!==p[2].toLowerCase())return{status:_0x3c[2]};
  var exp=new Date(parts[1]);
  if(isNaN(exp)||exp<now)return{status:_0x3c[1],company:parts[0],expires:parts[1]};
  return{status:_0x3c[0],company:parts[0],expires:parts[1],seats:+parts[2]};
}
function watermark(container,result){
  if(!container||!result||result.status===_0x3c[0])return null;
  var w=document.createElement(_0x3c[4]);
  w.textContent=_0x3c[3]+(result.status===_0x3c[1]?" (expired)":"");
  w.setAttribute("aria-hidden","true");
  w.style.cssText="position:absolute;right:12px;bottom:12px;opacity:.35;font:600 14px sans-serif;pointer-events:none;user-select:none";
  container.style.position=container.style.position||"relative";
  container.appendChild(w);
  return w;
}
function issue(prefix,company,expires,seats){var body=company+"|"+expires+"|"+seats;return prefix+"-"+(typeof btoa==="function"?btoa(body):Buffer.from(body,"binary").toString("base64"))+"-"+_0xh(_0xd(prefix+"|"+body));}
module.exports={validate:validate,watermark:watermark,_issueForTests:issue};
