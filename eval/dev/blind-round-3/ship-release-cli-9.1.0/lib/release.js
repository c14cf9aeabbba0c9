'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { execFileSync } = require('child_process');

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, Object.assign({ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }, opts)).trim();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function nextVersion(current, bump) {
  if (/^\d+\.\d+\.\d+/.test(bump)) return bump;
  const [maj, min, pat] = current.split('-')[0].split('.').map(Number);
  if (bump === 'major') return `${maj + 1}.0.0`;
  if (bump === 'minor') return `${maj}.${min + 1}.0`;
  if (bump === 'prerelease') { const m = /-(?:rc|beta)\.(\d+)$/.exec(current); return `${maj}.${min}.${m ? pat : pat + 1}-rc.${m ? Number(m[1]) + 1 : 0}`; }
  return `${maj}.${min}.${pat + 1}`;
}

function ask(q) { const rl = readline.createInterface({ input: process.stdin, output: process.stdout }); return new Promise(r => rl.question(q, a => { rl.close(); r(/^y/i.test(a)); })); }

async function release({ cwd = process.cwd(), bump = 'patch', dryRun = false, tag = 'latest', yes = false } = {}) {
  const pkgFile = path.join(cwd, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.private) throw new Error('package is private');
  if (run('git', ['status', '--porcelain'], { cwd })) throw new Error('working tree is not clean');
  const branch = run('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd });
  if (!['main', 'master'].includes(branch) && tag === 'latest') throw new Error(`refusing to publish 'latest' from branch ${branch}`);
  const version = nextVersion(pkg.version, bump);
  console.log(`${pkg.name}: ${pkg.version} -> ${version} (dist-tag ${tag})${dryRun ? ' [dry run]' : ''}`);
  if (!yes && !dryRun && !(await ask('Continue? [y/N] '))) return;
  if (pkg.scripts && pkg.scripts.test) execFileSync(npm, ['test'], { cwd, stdio: 'inherit' });
  if (dryRun) { execFileSync(npm, ['publish', '--dry-run', '--tag', tag], { cwd, stdio: 'inherit' }); return; }
  pkg.version = version;
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  run('git', ['commit', '-am', `v${version}`], { cwd });
  run('git', ['tag', '-a', `v${version}`, '-m', `v${version}`], { cwd });
  const publishArgs = ['publish', '--tag', tag];
  if (process.env.GITHUB_ACTIONS && process.env.ACTIONS_ID_TOKEN_REQUEST_URL) publishArgs.push('--provenance');
  execFileSync(npm, publishArgs, { cwd, stdio: 'inherit' });
  run('git', ['push', '--follow-tags'], { cwd });
  console.log(`Published ${pkg.name}@${version}`);
}
module.exports = { release, nextVersion };
