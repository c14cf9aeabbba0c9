'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { bump } = require('./semver');

function git(args, cwd) {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

function npm(args, cwd, env) {
  const bin = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return execFileSync(bin, args, { cwd, stdio: 'inherit', env: Object.assign({}, process.env, env) });
}

function assertClean(cwd) {
  if (git(['status', '--porcelain'], cwd)) throw new Error('working tree is not clean; commit or stash first');
}

function commitsSince(tag, cwd) {
  const range = tag ? tag + '..HEAD' : 'HEAD';
  const out = git(['log', range, '--pretty=format:%s (%h)'], cwd);
  return out ? out.split('\n') : [];
}

function updateChangelog(cwd, version, lines) {
  const file = path.join(cwd, 'CHANGELOG.md');
  const prev = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Changelog\n';
  const date = new Date().toISOString().slice(0, 10);
  const entry = `\n## ${version} - ${date}\n\n${lines.map((l) => '- ' + l).join('\n')}\n`;
  const [head, ...rest] = prev.split('\n## ');
  fs.writeFileSync(file, head.trimEnd() + '\n' + entry + (rest.length ? '\n## ' + rest.join('\n## ') : ''));
}

// If NPM_TOKEN is provided (CI), write a temporary userconfig for this
// publish only; never touch the user's ~/.npmrc.
function withAuth(cwd, fn) {
  if (!process.env.NPM_TOKEN) return fn({});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-pilot-'));
  const rc = path.join(tmp, '.npmrc');
  fs.writeFileSync(rc, '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n', { mode: 0o600 });
  try {
    return fn({ npm_config_userconfig: rc });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function release({ cwd = process.cwd(), kind = 'patch', tag = 'latest', dryRun = false, push = true, otp } = {}) {
  const pkgFile = path.join(cwd, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.private) throw new Error(pkg.name + ' is private; refusing to publish');
  assertClean(cwd);
  let lastTag = null;
  try { lastTag = git(['describe', '--tags', '--abbrev=0'], cwd); } catch (e) {}
  const next = bump(pkg.version, kind);
  const notes = commitsSince(lastTag, cwd);
  if (dryRun) return { name: pkg.name, from: pkg.version, to: next, notes };
  pkg.version = next;
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  updateChangelog(cwd, next, notes);
  git(['add', 'package.json', 'CHANGELOG.md'], cwd);
  git(['commit', '-m', `chore(release): ${next}`], cwd);
  git(['tag', '-a', 'v' + next, '-m', 'v' + next], cwd);
  const args = ['publish', '--tag', tag];
  if (otp) args.push('--otp', otp);
  withAuth(cwd, (env) => npm(args, cwd, env));
  if (push) git(['push', '--follow-tags'], cwd);
  return { name: pkg.name, from: lastTag, to: next, notes };
}

module.exports = { release, bump };
