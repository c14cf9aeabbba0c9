'use strict';
const { spawn } = require('child_process');

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: opts.silent ? 'pipe' : 'inherit', env: process.env });
    let out = '';
    if (p.stdout) p.stdout.on('data', (d) => { out += d; });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

function sshArgs({ host, user, port = 22, identity }) {
  const a = ['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=accept-new', '-p', String(port)];
  if (identity) a.push('-i', identity);
  a.push(`${user ? user + '@' : ''}${host}`);
  return a;
}

function exec(target, command, opts) {
  return run('ssh', [...sshArgs(target), command], opts);
}

function sync(target, localDir, remoteDir, { del = true, exclude = [] } = {}) {
  const e = ['-e', `ssh ${sshArgs(target).slice(0, -1).join(' ')}`];
  const flags = ['-az', ...(del ? ['--delete'] : []), ...exclude.flatMap((x) => ['--exclude', x])];
  return run('rsync', [...flags, ...e, localDir.replace(/\/?$/, '/'), `${target.user ? target.user + '@' : ''}${target.host}:${remoteDir}`]);
}

module.exports = { exec, sync, sshArgs };
