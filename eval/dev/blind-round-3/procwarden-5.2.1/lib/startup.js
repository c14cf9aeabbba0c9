'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function unitText() {
  return `[Unit]\nDescription=procwarden process manager\nAfter=network.target\n\n[Service]\nType=forking\nExecStart=${process.execPath} ${path.join(__dirname, '..', 'bin', 'procwarden.js')} resurrect\nRestart=on-failure\n\n[Install]\nWantedBy=default.target\n`;
}
function plistText() {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>Label</key><string>io.procwarden</string><key>ProgramArguments</key><array><string>${process.execPath}</string><string>${path.join(__dirname, '..', 'bin', 'procwarden.js')}</string><string>resurrect</string></array><key>RunAtLoad</key><true/></dict></plist>\n`;
}
function target() {
  if (process.platform === 'darwin') return { file: path.join(os.homedir(), 'Library', 'LaunchAgents', 'io.procwarden.plist'), text: plistText(), enable: f => execFileSync('launchctl', ['load', '-w', f]) };
  if (process.platform === 'linux') return { file: path.join(os.homedir(), '.config', 'systemd', 'user', 'procwarden.service'), text: unitText(), enable: () => execFileSync('systemctl', ['--user', 'enable', 'procwarden.service']) };
  throw new Error(`startup scripts are not supported on ${process.platform}`);
}
function install({ dryRun = false } = {}) {
  const t = target();
  if (dryRun) return `would write ${t.file}:\n${t.text}`;
  fs.mkdirSync(path.dirname(t.file), { recursive: true });
  fs.writeFileSync(t.file, t.text);
  t.enable(t.file);
  return `startup script written to ${t.file}`;
}
function uninstall() { const t = target(); try { fs.unlinkSync(t.file); } catch (e) {} }
module.exports = { install, uninstall };
