'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const HOME = process.env.PROCWARDEN_HOME || path.join(os.homedir(), '.procwarden');
const PIDS = path.join(HOME, 'pids');
const LOGS = path.join(HOME, 'logs');

function ensure() { for (const d of [HOME, PIDS, LOGS]) fs.mkdirSync(d, { recursive: true }); }

function start(script, { name } = {}) {
  if (!script) throw new Error('script is required');
  ensure();
  const abs = path.resolve(script);
  name = name || path.basename(abs, path.extname(abs));
  const out = fs.openSync(path.join(LOGS, `${name}-out.log`), 'a');
  const err = fs.openSync(path.join(LOGS, `${name}-error.log`), 'a');
  const child = spawn(process.execPath, [path.join(__dirname, 'supervisor.js'), abs, name], {
    detached: true, stdio: ['ignore', out, err], cwd: path.dirname(abs), env: Object.assign({}, process.env, { PROCWARDEN_NAME: name })
  });
  child.unref();
  fs.writeFileSync(path.join(PIDS, `${name}.pid`), String(child.pid));
  return `started ${name} (pid ${child.pid}); logs in ${LOGS}`;
}

function stop(name) {
  const f = path.join(PIDS, `${name}.pid`);
  const pid = Number(fs.readFileSync(f, 'utf8'));
  try { process.kill(pid, 'SIGTERM'); } catch (e) {}
  fs.unlinkSync(f);
}

function list() {
  ensure();
  return fs.readdirSync(PIDS).map(f => {
    const pid = Number(fs.readFileSync(path.join(PIDS, f), 'utf8'));
    let alive = true; try { process.kill(pid, 0); } catch (e) { alive = false; }
    return { name: f.replace(/\.pid$/, ''), pid, status: alive ? 'online' : 'stopped' };
  });
}
module.exports = { start, stop, list, HOME };
