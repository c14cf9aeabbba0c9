#!/usr/bin/env node
'use strict';
const { build } = require('../lib/build');
const telemetry = require('../lib/telemetry');
const [cmd = 'build', ...args] = process.argv.slice(2);
(async () => {
  if (cmd === 'telemetry') {
    if (args[0] === 'disable') { telemetry.setEnabled(false); console.log('Telemetry disabled.'); }
    else if (args[0] === 'enable') { telemetry.setEnabled(true); console.log('Telemetry enabled.'); }
    else console.log(`Telemetry is ${telemetry.isEnabled() ? 'enabled' : 'disabled'}. Learn more: https://fastbuild.example.com/telemetry`);
    return;
  }
  telemetry.noticeOnce();
  const started = Date.now();
  let ok = true;
  try { await build({ watch: args.includes('--watch'), minify: args.includes('--minify') }); }
  catch (e) { ok = false; console.error(e.message); process.exitCode = 1; }
  await telemetry.record('command', { command: cmd, ok, durationMs: Date.now() - started, flags: args.filter(a => a.startsWith('--')) });
})();
