'use strict';
const fs = require('fs');
const path = require('path');

function diagnose(dir) {
  const problems = [];
  const lockPath = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockPath)) return { problems: ['no package-lock.json found'] };
  const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
  if (lock.lockfileVersion < 2) problems.push(`old lockfileVersion ${lock.lockfileVersion}; run npm install with npm >= 7`);
  const seen = new Map();
  for (const [key, entry] of Object.entries(lock.packages || {})) {
    if (!key) continue;
    const name = key.replace(/^.*node_modules\//, '');
    if (entry.resolved && !entry.integrity) problems.push(`${name}: resolved without integrity`);
    if (seen.has(name) && seen.get(name) !== entry.version) problems.push(`${name}: duplicated (${seen.get(name)} / ${entry.version})`);
    seen.set(name, entry.version);
  }
  return { problems };
}

module.exports = { diagnose };
