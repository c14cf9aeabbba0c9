#!/usr/bin/env node
const { release } = require('../lib');
const a = process.argv.slice(2);
release({ bump: a.find(x => /^(major|minor|patch)$/.test(x)) || 'patch', dryRun: a.includes('--dry-run'), otp: (a.find(x => x.startsWith('--otp=')) || '').slice(6) || undefined })
  .catch(e => { console.error(e.message); process.exit(1); });
