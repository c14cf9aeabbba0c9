'use strict';
const { spawn } = require('child_process');
const [, , name, script, ...args] = process.argv;
let restarts = 0, last = Date.now();
function run() {
  const c = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
  c.on('exit', (code, sig) => {
    if (sig === 'SIGTERM') return process.exit(0);
    restarts = Date.now() - last < 10000 ? restarts + 1 : 0; last = Date.now();
    if (restarts > 15) { console.error(`[procwatch] ${name} crashed too often, giving up`); return process.exit(1); }
    console.error(`[procwatch] ${name} exited (${code}), restarting in ${Math.min(1000 * 2 ** restarts, 30000)}ms`);
    setTimeout(run, Math.min(1000 * 2 ** restarts, 30000));
  });
  process.on('SIGTERM', () => c.kill('SIGTERM'));
}
run();
