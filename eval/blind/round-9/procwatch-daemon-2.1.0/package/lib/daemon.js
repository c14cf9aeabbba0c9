'use strict';
const fs = require('fs'), os = require('os'), path = require('path'), { spawn } = require('child_process');
const HOME = process.env.PROCWATCH_HOME || path.join(os.homedir(), '.procwatch');
const pidFile = name => path.join(HOME, 'pids', name + '.pid');
const logFile = name => path.join(HOME, 'logs', name + '.log');
function start(name, script, args = [], { env = {}, cwd = process.cwd() } = {}) {
  for (const d of ['pids', 'logs']) fs.mkdirSync(path.join(HOME, d), { recursive: true });
  if (isRunning(name)) throw new Error(`${name} is already running`);
  const out = fs.openSync(logFile(name), 'a');
  const child = spawn(process.execPath, [path.join(__dirname, 'supervisor.js'), name, path.resolve(cwd, script), ...args], {
    cwd, detached: true, stdio: ['ignore', out, out], env: Object.assign({}, process.env, env), windowsHide: true
  });
  fs.writeFileSync(pidFile(name), String(child.pid));
  child.unref();
  return child.pid;
}
function isRunning(name) { try { process.kill(+fs.readFileSync(pidFile(name), 'utf8'), 0); return true; } catch { return false; } }
function stop(name) { try { const pid = +fs.readFileSync(pidFile(name), 'utf8'); process.kill(-pid, 'SIGTERM'); } catch {} try { fs.unlinkSync(pidFile(name)); } catch {} }
function list() { try { return fs.readdirSync(path.join(HOME, 'pids')).map(f => f.replace(/\.pid$/, '')).map(n => ({ name: n, running: isRunning(n) })); } catch { return []; } }
module.exports = { start, stop, list, isRunning, logFile };
