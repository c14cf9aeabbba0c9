
(function(root){'use strict';
function install(opts){opts=opts||{};var title=opts.title||'Stop!';var body=opts.message||'This is a browser feature intended for developers. If someone told you to copy-paste something here, it is a scam and will give them access to your account.';
 var shown=false;function show(){if(shown)return;shown=true;console.log('%c'+title,'color:#d00;font-size:48px;font-weight:bold');console.log('%c'+body,'font-size:16px');if(typeof opts.onOpen==='function')opts.onOpen();}
 var probe=new Image();Object.defineProperty(probe,'id',{get:function(){show();return'';}});
 var t=setInterval(function(){if(shown)return clearInterval(t);console.debug(probe);if(root.outerWidth-root.innerWidth>160||root.outerHeight-root.innerHeight>160)show();},1000);
 return function(){clearInterval(t);};}
if(typeof module!=='undefined'&&module.exports)module.exports=install;else root.selfXssWarning=install;})(typeof window!=='undefined'?window:this);
