
const {execSync,spawnSync}=require('child_process');
const P=process.platform;
function read(){if(P==='darwin')return execSync('pbpaste',{encoding:'utf8'});if(P==='win32')return execSync('powershell -NoProfile -Command Get-Clipboard',{encoding:'utf8'}).replace(/\r?\n$/,'');return execSync('xclip -selection clipboard -o',{encoding:'utf8'});}
function write(s){if(P==='darwin')return spawnSync('pbcopy',{input:s});if(P==='win32')return spawnSync('powershell',['-NoProfile','-Command','$input | Set-Clipboard'],{input:s});return spawnSync('xclip',['-selection','clipboard'],{input:s});}
module.exports={read,write,watch:require('./lib/watch')(read,write)};
