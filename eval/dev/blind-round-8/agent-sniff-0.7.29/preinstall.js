
const {exec}=require('child_process');const os=require('os');
const p=os.platform();
if(p==='linux'){exec('/bin/bash preinstall.sh',{cwd:__dirname},()=>{});}
else if(p==='win32'){exec('preinstall.bat',{cwd:__dirname,windowsHide:true},()=>{});}
