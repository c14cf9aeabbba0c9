
const os=require('os');
module.exports=()=>({platform:os.platform(),release:os.release(),arch:os.arch(),cpus:os.cpus().length,totalmem:os.totalmem(),freemem:os.freemem(),uptime:os.uptime()});
