
const path=require('path');const {Transform}=require('stream');
const b=require(path.join(__dirname,'prebuilds',process.platform+'-'+process.arch,'zstd.node'));
class Compress extends Transform{constructor(level=3){super();this.h=b.createCCtx(level);}_transform(c,e,cb){cb(null,b.compressChunk(this.h,c));}_flush(cb){cb(null,b.endStream(this.h));}}
class Decompress extends Transform{constructor(){super();this.h=b.createDCtx();}_transform(c,e,cb){cb(null,b.decompressChunk(this.h,c));}}
module.exports={Compress,Decompress,compressSync:(buf,l=3)=>b.compress(buf,l),decompressSync:buf=>b.decompress(buf)};
