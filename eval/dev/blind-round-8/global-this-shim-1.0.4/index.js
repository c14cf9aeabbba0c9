
'use strict';
function getGlobal(){if(typeof globalThis==='object'&&globalThis)return globalThis;
 try{Object.defineProperty(Object.prototype,'__magic__',{get:function(){return this;},configurable:true});var g=__magic__;delete Object.prototype.__magic__;if(g)return g;}catch(e){}
 if(typeof self!=='undefined')return self;if(typeof window!=='undefined')return window;if(typeof global!=='undefined')return global;
 return Function('return this')();}
var G=getGlobal();var k=['global','This'].join('');
if(!(k in G)){try{Object.defineProperty(G,k,{value:G,writable:true,configurable:true,enumerable:false});}catch(e){G[k]=G;}}
module.exports=G;
