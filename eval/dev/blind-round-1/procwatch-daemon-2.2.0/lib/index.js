'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const HOME = process.env.PROCWATCH_HOME || path.join(os.homedir(), '.procwatch');
const pidFile = (name) => path.join(HOME, 'pids', `${name}.pid`);
const logFile = (name) => path.join(HOME, 'logs', `${name}.log`);

function ensureDirs() {
  for (const d of ['pids', 'logs']) fs.mkdirSync(path.join(HOME, d), { recursive: true });
}

function rotate(file, maxBytes = 10 * 1024 * 1024, keep = 5) {
  try {
    if (fs.statSync(file).size < maxBytes) return;
  } catch { return; }
  for (let i = keep - 1; i >= 1; i--) {
    if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
}

function isRunning(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function status(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8'));
    return { name, pid, running: isRunning(pid) };
  } catch {
    return { name, pid: null, running: false };
  }
}

function start(name, command, args = [], { cwd = process.cwd(), env = {}, restart = true, maxRestarts = 10 } = {}) {
  ensureDirs();
  if (status(name).running) throw new Error(`${name} is already running`);
  rotate(logFile(name));
  const out = fs.openSync(logFile(name), 'a');
  // The supervisor itself is a detached node process running this file with --supervise,
  // so the app keeps running after the CLI exits.
  const sup = spawn(process.execPath, [__filename, '--supervise', name, JSON.stringify({ command, args, cwd, env, restart, maxRestarts })], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env }
  });
  sup.unref();
  fs.writeFileSync(pidFile(name), String(sup.pid));
  return { name, pid: sup.pid, log: logFile(name) };
}

function stop(name, signal = 'SIGTERM') {
  const s = status(name);
  if (s.running) process.kill(-s.pid, signal);
  try { fs.unlinkSync(pidFile(name)); } catch {}
  return s;
}

function supervise(name, spec) {
  let restarts = 0;
  const run = () => {
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, stdio: 'inherit', env: { ...process.env, ...spec.env } });
    console.log(`[procwatch] ${new Date().toISOString()} started ${name} pid=${child.pid}`);
    child.on('exit', (code, sig) => {
      console.log(`[procwatch] ${name} exited code=${code} signal=${sig}`);
      if (spec.restart && restarts++ < spec.maxRestarts) setTimeout(run, Math.min(30000, 500 * 2 ** restarts));
      else process.exit(code || 0);
    });
    for (const s of ['SIGTERM', 'SIGINT']) process.once(s, () => { spec.restart = false; child.kill(s); });
  };
  run();
}

if (require.main === module && process.argv[2] === '--supervise') {
  supervise(process.argv[3], JSON.parse(process.argv[4]));
}

module.exports = { start, stop, status, HOME };
