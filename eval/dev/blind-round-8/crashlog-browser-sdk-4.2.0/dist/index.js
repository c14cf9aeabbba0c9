
(function(root){'use strict';var cfg=null,crumbs=[];
function scrub(o){var s=JSON.stringify(o);return JSON.parse(s.replace(/("(?:password|passwd|secret|token|authorization|cookie|card|cvv)"\s*:\s*)"[^"]*"/gi,'$1"[Filtered]"'));}
function crumb(c){crumbs.push(Object.assign({ts:Date.now()},c));if(crumbs.length>50)crumbs.shift();}
function send(ev){if(!cfg)return;if(Math.random()>cfg.sampleRate)return;var u=new URL(cfg.dsn);var endpoint=u.protocol+'//'+u.host+'/api'+u.pathname+'/envelope?key='+encodeURIComponent(u.username);
 var body=JSON.stringify(scrub(Object.assign({release:cfg.release,env:cfg.environment,url:location.origin+location.pathname,ua:navigator.userAgent,breadcrumbs:crumbs.slice()},ev)));
 if(cfg.beforeSend){body=cfg.beforeSend(body);if(!body)return;}if(navigator.sendBeacon)navigator.sendBeacon(endpoint,body);else fetch(endpoint,{method:'POST',body:body,keepalive:true});}
function init(o){if(!o||!o.dsn)throw new Error('dsn required');cfg={dsn:o.dsn,release:o.release,environment:o.environment||'production',sampleRate:o.sampleRate==null?1:o.sampleRate,beforeSend:o.beforeSend};
 window.addEventListener('error',function(e){send({type:'error',message:String(e.message),stack:e.error&&e.error.stack});});
 window.addEventListener('unhandledrejection',function(e){send({type:'unhandledrejection',message:String(e.reason&&e.reason.message||e.reason)});});
 document.addEventListener('click',function(e){var t=e.target;crumb({category:'ui.click',target:t.tagName+(t.id?'#'+t.id:'')});},true);
 var of=window.fetch;window.fetch=function(i,init){var u=typeof i==='string'?i:i.url;return of.apply(this,arguments).then(function(r){crumb({category:'fetch',url:String(u).split('?')[0],status:r.status});return r;});};}
var api={init:init,captureException:function(e){send({type:'error',message:String(e&&e.message),stack:e&&e.stack});},addBreadcrumb:crumb};
if(typeof module!=='undefined')module.exports=api;else root.Crashlog=api;})(this);
