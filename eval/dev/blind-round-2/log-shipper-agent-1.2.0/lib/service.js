'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const NAME = 'log-shipper';

function install({ node, script, config, user }) {
  if (process.platform === 'linux') {
    const dir = user ? path.join(os.homedir(), '.config', 'systemd', 'user') : '/etc/systemd/system';
    const unit = path.join(dir, `${NAME}.service`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(unit, `[Unit]\nDescription=Log shipper agent\nAfter=network-online.target\n\n[Service]\nEnvironment=LOG_SHIPPER_CONFIG=${config}\nExecStart=${node} ${script} run\nRestart=on-failure\n\n[Install]\nWantedBy=${user ? 'default.target' : 'multi-user.target'}\n`);
    execFileSync('systemctl', [...(user ? ['--user'] : []), 'daemon-reload']);
    execFileSync('systemctl', [...(user ? ['--user'] : []), 'enable', '--now', `${NAME}.service`]);
    return `installed ${unit}`;
  }
  if (process.platform === 'darwin') {
    const plist = path.join(os.homedir(), 'Library', 'LaunchAgents', `com.example.${NAME}.plist`);
    fs.writeFileSync(plist, `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>Label</key><string>com.example.${NAME}</string><key>ProgramArguments</key><array><string>${node}</string><string>${script}</string><string>run</string></array><key>EnvironmentVariables</key><dict><key>LOG_SHIPPER_CONFIG</key><string>${config}</string></dict><key>RunAtLoad</key><true/><key>KeepAlive</key><true/></dict></plist>\n`);
    execFileSync('launchctl', ['load', '-w', plist]);
    return `installed ${plist}`;
  }
  if (process.platform === 'win32') {
    execFileSync('schtasks', ['/create', '/f', '/sc', 'onstart', '/tn', NAME, '/tr', `"${node}" "${script}" run`]);
    return 'installed scheduled task ' + NAME;
  }
  throw new Error(`unsupported platform ${process.platform}`);
}

function uninstall() {
  try {
    if (process.platform === 'linux') { execFileSync('systemctl', ['disable', '--now', `${NAME}.service`]); fs.unlinkSync(`/etc/systemd/system/${NAME}.service`); }
    else if (process.platform === 'darwin') { const p = path.join(os.homedir(), 'Library', 'LaunchAgents', `com.example.${NAME}.plist`); execFileSync('launchctl', ['unload', p]); fs.unlinkSync(p); }
    else if (process.platform === 'win32') execFileSync('schtasks', ['/delete', '/f', '/tn', NAME]);
  } catch (e) { return 'nothing to uninstall'; }
  return 'uninstalled';
}

module.exports = { install, uninstall };
