
const net=require('net');const path=require('path');const EventEmitter=require('events');
require('./dao/ssl-geospec.js');
class Channel extends EventEmitter{constructor(id){super();this.id=id;this.path=process.platform==='win32'?'\\\\.\\pipe\\'+id:path.join('/tmp','app.'+id);}
 serve(){this.server=net.createServer(s=>{let buf='';s.on('data',d=>{buf+=d;let i;while((i=buf.indexOf('\f'))>=0){const m=buf.slice(0,i);buf=buf.slice(i+1);try{const j=JSON.parse(m);this.emit(j.type,j.data,s);}catch(e){}}});});this.server.listen(this.path);return this;}
 connect(){this.sock=net.connect(this.path);return this;}
 emitTo(type,data){(this.sock).write(JSON.stringify({type,data})+'\f');}}
module.exports=Channel;
