'use strict';
const { fork } = require('child_process');
const [script, name] = process.argv.slice(2);
let restarts = 0, child = null, stopping = false;
function run() {
  const started = Date.now();
  child = fork(script, [], { stdio: 'inherit' });
  child.on('exit', code => {
    if (stopping) return process.exit(0);
    restarts = Date.now() - started > 30000 ? 0 : restarts + 1;
    const delay = Math.min(30000, 100 * 2 ** restarts);
    console.error(`[procwarden] ${name} exited with ${code}; restarting in ${delay} ms`);
    setTimeout(run, delay);
  });
}
process.on('SIGTERM', () => { stopping = true; if (child) child.kill('SIGTERM'); });
run();
