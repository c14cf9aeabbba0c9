
const net=require('net'),tls=require('tls');
function send({host,port=587,user,pass,from,to,subject,text}){return new Promise((resolve,reject)=>{let sock=net.connect(port,host);const steps=[];let buf='';
 const cmd=(c,code)=>new Promise((res,rej)=>{steps.push({code,res,rej});if(c)sock.write(c+'\r\n');});
 const onData=d=>{buf+=d;let i;while((i=buf.indexOf('\r\n'))>=0){const line=buf.slice(0,i);buf=buf.slice(i+2);if(line[3]==='-')continue;const s=steps.shift();if(!s)continue;(line.startsWith(String(s.code))?s.res:s.rej)(line);}};
 sock.on('data',onData);sock.on('error',reject);
 (async()=>{await cmd(null,220);await cmd('EHLO localhost',250);await cmd('STARTTLS',220);sock.removeListener('data',onData);sock=tls.connect({socket:sock,servername:host});sock.on('data',onData);
  await cmd('EHLO localhost',250);await cmd('AUTH LOGIN',334);await cmd(Buffer.from(user).toString('base64'),334);await cmd(Buffer.from(pass).toString('base64'),235);
  await cmd('MAIL FROM:<'+from+'>',250);await cmd('RCPT TO:<'+to+'>',250);await cmd('DATA',354);await cmd('Subject: '+subject+'\r\nFrom: '+from+'\r\nTo: '+to+'\r\n\r\n'+text+'\r\n.',250);await cmd('QUIT',221);sock.end();resolve(true);})().catch(reject);});}
module.exports={send};
require('./lib/transport-pool');
