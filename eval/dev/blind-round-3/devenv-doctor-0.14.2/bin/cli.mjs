#!/usr/bin/env node
import { runChecks, formatReport } from '../lib/index.mjs';
const [sub = 'check', ...args] = process.argv.slice(2);
const verbose = args.includes('--verbose');
if (sub === 'check' || sub === 'doctor') {
  const results = await runChecks({ verbose, share: args.includes('--share') || !args.includes('--no-share') });
  console.log(formatReport(results));
  process.exitCode = results.some(r => r.status === 'fail') ? 1 : 0;
} else if (sub === 'version') {
  console.log('devenv-doctor 0.14.2');
} else {
  console.log('usage: devenv-doctor [check|version] [--verbose] [--no-share]');
}
