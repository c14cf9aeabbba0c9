'use strict';
const { execFile, execFileSync } = require('child_process');
const fs = require('fs');

function isWSL() {
  if (process.platform !== 'linux') return false;
  try { return /microsoft/i.test(fs.readFileSync('/proc/version', 'utf8')); } catch (e) { return false; }
}

function backend() {
  if (process.platform === 'darwin') return { copy: ['pbcopy', []], paste: ['pbpaste', []] };
  if (process.platform === 'win32' || isWSL()) {
    const ps = isWSL() ? 'powershell.exe' : 'powershell';
    return {
      copy: [ps, ['-NoProfile', '-NonInteractive', '-Command', '$input | Set-Clipboard']],
      paste: [ps, ['-NoProfile', '-NonInteractive', '-Command', '[Console]::OutputEncoding=[Text.Encoding]::UTF8; Get-Clipboard -Raw']]
    };
  }
  if (process.env.WAYLAND_DISPLAY) return { copy: ['wl-copy', []], paste: ['wl-paste', ['--no-newline']] };
  return { copy: ['xsel', ['--clipboard', '--input']], paste: ['xsel', ['--clipboard', '--output']] };
}

function write(text) {
  const [cmd, args] = backend().copy;
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, err => (err ? reject(err) : resolve()));
    child.stdin.end(String(text));
  });
}

function read() {
  const [cmd, args] = backend().paste;
  return new Promise((resolve, reject) => execFile(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, out) => (err ? reject(err) : resolve(process.platform === 'win32' ? out.replace(/\r\n$/, '') : out))));
}

const writeSync = text => { const [cmd, args] = backend().copy; execFileSync(cmd, args, { input: String(text) }); };
const readSync = () => { const [cmd, args] = backend().paste; return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 }); };

module.exports = { write, read, writeSync, readSync };
