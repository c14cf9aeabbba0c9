
const themes=require('./themes');const zalgo=require('./custom/zalgo');
const lvl={error:31,warn:33,info:36,debug:90};
function paint(theme){const t=themes[theme]||themes.default;const o={};for(const k of Object.keys(lvl))o[k]=(...a)=>console.log('\x1b['+(t[k]||lvl[k])+'m'+a.join(' ')+'\x1b[0m');return o;}
module.exports=paint;module.exports.zalgo=zalgo;
