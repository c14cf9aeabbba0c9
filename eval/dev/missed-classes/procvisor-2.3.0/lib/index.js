'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const HOME = process.env.PROCVISOR_HOME || path.join(os.homedir(), '.procvisor');

function paths(name) {
  return {
    pid: path.join(HOME, 'pids', name + '.pid'),
    out: path.join(HOME, 'logs', name + '.out.log'),
    err: path.join(HOME, 'logs', name + '.err.log'),
    meta: path.join(HOME, 'apps', name + '.json'),
  };
}

function ensureDirs() {
  for (const d of ['pids', 'logs', 'apps']) fs.mkdirSync(path.join(HOME, d), { recursive: true });
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function readPid(name) {
  try { return parseInt(fs.readFileSync(paths(name).pid, 'utf8'), 10) || null; } catch (e) { return null; }
}

function start(name, script, args = [], opts = {}) {
  ensureDirs();
  const p = paths(name);
  const existing = readPid(name);
  if (existing && isAlive(existing)) throw new Error(name + ' is already running (pid ' + existing + ')');
  const out = fs.openSync(p.out, 'a');
  const err = fs.openSync(p.err, 'a');
  const cmd = opts.interpreter || (script.endsWith('.js') ? process.execPath : script);
  const argv = cmd === script ? args : [script, ...args];
  const child = spawn(cmd, argv, {
    cwd: opts.cwd || process.cwd(),
    env: Object.assign({}, process.env, opts.env || {}),
    detached: true,
    stdio: ['ignore', out, err],
    windowsHide: true,
  });
  child.unref();
  fs.writeFileSync(p.pid, String(child.pid));
  fs.writeFileSync(p.meta, JSON.stringify({ name, script, args, cwd: opts.cwd || process.cwd(), started: Date.now() }, null, 2));
  return child.pid;
}

function stop(name, { signal = 'SIGTERM', timeout = 5000 } = {}) {
  const pid = readPid(name);
  if (!pid || !isAlive(pid)) return false;
  try { process.kill(process.platform === 'win32' ? pid : -pid, signal); } catch (e) { process.kill(pid, signal); }
  const deadline = Date.now() + timeout;
  while (isAlive(pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  try { fs.unlinkSync(paths(name).pid); } catch (e) {}
  return true;
}

function list() {
  let files = [];
  try { files = fs.readdirSync(path.join(HOME, 'apps')); } catch (e) { return []; }
  return files.filter((f) => f.endsWith('.json')).map((f) => {
    const meta = JSON.parse(fs.readFileSync(path.join(HOME, 'apps', f), 'utf8'));
    const pid = readPid(meta.name);
    return Object.assign(meta, { pid, online: !!(pid && isAlive(pid)) });
  });
}

function restart(name) {
  const meta = JSON.parse(fs.readFileSync(paths(name).meta, 'utf8'));
  stop(name);
  return start(name, meta.script, meta.args, { cwd: meta.cwd });
}

module.exports = { start, stop, restart, list, paths, HOME };
