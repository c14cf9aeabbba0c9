
const http=require('http');const https=require('https');
function ser(v){if(v===null||v===undefined)return'<nil/>';switch(typeof v){case'number':return Number.isInteger(v)?'<int>'+v+'</int>':'<double>'+v+'</double>';case'boolean':return'<boolean>'+(v?1:0)+'</boolean>';case'string':return'<string>'+v.replace(/&/g,'&amp;').replace(/</g,'&lt;')+'</string>';}
 if(Array.isArray(v))return'<array><data>'+v.map(x=>'<value>'+ser(x)+'</value>').join('')+'</data></array>';
 return'<struct>'+Object.entries(v).map(([k,x])=>'<member><name>'+k+'</name><value>'+ser(x)+'</value></member>').join('')+'</struct>';}
function call(url,method,params=[]){const u=new URL(url);const body='<?xml version="1.0"?><methodCall><methodName>'+method+'</methodName><params>'+params.map(p=>'<param><value>'+ser(p)+'</value></param>').join('')+'</params></methodCall>';
 return new Promise((res,rej)=>{const r=(u.protocol==='https:'?https:http).request(u,{method:'POST',headers:{'content-type':'text/xml'}},s=>{let d='';s.on('data',c=>d+=c);s.on('end',()=>res(d));});r.on('error',rej);r.end(body);});}
module.exports={call,serialize:ser};
