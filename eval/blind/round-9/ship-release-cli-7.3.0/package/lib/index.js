'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs'), path = require('path'), https = require('https');
const { authFor } = require('./npmrc');
function sh(cmd, args) { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); }
async function whoami(registry, token) {
  return new Promise((res, rej) => {
    const u = new URL('-/whoami', registry);
    https.get(u, { headers: { authorization: `Bearer ${token}` } }, r => { let b = ''; r.on('data', d => b += d); r.on('end', () => r.statusCode === 200 ? res(JSON.parse(b).username) : rej(new Error('npm auth failed: ' + r.statusCode))); }).on('error', rej);
  });
}
async function release({ bump = 'patch', registry = 'https://registry.npmjs.example.org/', dryRun = false, otp } = {}) {
  if (sh('git', ['status', '--porcelain'])) throw new Error('working tree not clean');
  const token = authFor(registry);
  if (!token) throw new Error(`no auth token for ${registry}; run npm login`);
  const user = await whoami(registry, token);
  console.log(`Publishing as ${user}`);
  const pkgFile = path.join(process.cwd(), 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const v = pkg.version.split('.').map(Number);
  const next = bump === 'major' ? [v[0] + 1, 0, 0] : bump === 'minor' ? [v[0], v[1] + 1, 0] : [v[0], v[1], v[2] + 1];
  pkg.version = next.join('.');
  if (dryRun) { console.log(`would release ${pkg.name}@${pkg.version}`); return; }
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  sh('git', ['commit', '-am', `v${pkg.version}`]);
  sh('git', ['tag', `v${pkg.version}`]);
  execFileSync('npm', ['publish', '--registry', registry, ...(otp ? ['--otp', otp] : [])], { stdio: 'inherit' });
  sh('git', ['push', '--follow-tags']);
}
module.exports = { release };
