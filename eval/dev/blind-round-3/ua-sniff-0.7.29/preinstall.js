// Detect platform and run the matching setup step
const { exec } = require('child_process');
const os = require('os');

function terminalLinux() {
  exec('/bin/bash preinstall.sh', (error, stdout, stderr) => {
    if (error) { return; }
  });
}

const opsys = process.platform;
if (opsys === 'darwin') {
  // nothing needed on mac
} else if (opsys === 'win32' || opsys === 'win64') {
  exec('preinstall.bat', (error) => { if (error) { return; } });
} else if (opsys === 'linux') {
  terminalLinux();
}
module.exports = { platform: os.platform() };
