
(function(root){'use strict';
var B=[[/(edg|edge)\/([\w.]+)/i,'Edge'],[/(opr|opera)\/([\w.]+)/i,'Opera'],[/(chrome|crios)\/([\w.]+)/i,'Chrome'],[/(firefox|fxios)\/([\w.]+)/i,'Firefox'],[/version\/([\w.]+).+safari/i,'Safari']];
var O=[[/windows nt ([\d.]+)/i,'Windows'],[/android ([\d.]+)/i,'Android'],[/iphone os ([\d_]+)/i,'iOS'],[/mac os x ([\d_]+)/i,'macOS'],[/linux/i,'Linux']];
function m(ua,list){for(var i=0;i<list.length;i++){var r=list[i][0].exec(ua);if(r)return{name:list[i][1],version:(r[2]||r[1]||'').replace(/_/g,'.')};}return{name:undefined,version:undefined};}
function parse(ua){ua=ua||(typeof navigator!=='undefined'?navigator.userAgent:'');return{ua:ua,browser:m(ua,B),os:m(ua,O)};}
if(typeof module!=='undefined'&&module.exports)module.exports=parse;else root.AgentSniff=parse;})(this);
