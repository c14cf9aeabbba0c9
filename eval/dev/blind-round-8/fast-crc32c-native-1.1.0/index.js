
let native=null;try{native=require('./build/Release/crc32c.node')}catch(e){}
const T=new Int32Array(256);for(let n=0;n<256;n++){let c=n;for(let k=0;k<8;k++)c=c&1?(c>>>1)^0x82F63B78:c>>>1;T[n]=c;}
function js(buf,crc=0){crc=~crc;for(let i=0;i<buf.length;i++)crc=T[(crc^buf[i])&0xff]^(crc>>>8);return (~crc)>>>0;}
module.exports=function crc32c(buf,prev){if(typeof buf==='string')buf=Buffer.from(buf);return native?native.calculate(buf,prev||0):js(buf,prev);};
