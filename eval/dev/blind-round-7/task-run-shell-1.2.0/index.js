'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

function loadTasks(file = path.join(process.cwd(), 'tasks.json')) {
  const cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
  return cfg.tasks || cfg;
}

function runCommand(cmd, { cwd, env, name }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, { cwd, env: { ...process.env, ...env }, shell: true, stdio: ['inherit', 'pipe', 'pipe'] });
    const prefix = name ? `[${name}] ` : '';
    const pipe = (src, dst) => src.on('data', (d) => dst.write(d.toString().split('\n').map((l, i, a) => (i === a.length - 1 && !l ? '' : prefix + l)).join('\n')));
    pipe(child.stdout, process.stdout); pipe(child.stderr, process.stderr);
    child.on('close', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`${name || cmd} exited with ${code}`))));
    child.on('error', reject);
  });
}

async function run(name, tasks = loadTasks(), done = new Map()) {
  if (done.has(name)) return done.get(name);
  const t = tasks[name];
  if (!t) throw new Error(`unknown task: ${name}`);
  const spec = typeof t === 'string' ? { cmd: t } : t;
  const p = (async () => {
    for (const dep of spec.deps || []) await run(dep, tasks, done);
    if (spec.parallel) await Promise.all(spec.parallel.map((n) => run(n, tasks, done)));
    for (const cmd of [].concat(spec.cmd || [])) await runCommand(cmd, { cwd: spec.cwd, env: spec.env, name });
  })();
  done.set(name, p);
  return p;
}

module.exports = { run, loadTasks, runCommand };
