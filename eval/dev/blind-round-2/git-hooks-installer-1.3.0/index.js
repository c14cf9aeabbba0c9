'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const VALID = ['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push'];
const MARK = '# managed by git-hooks-installer';

function gitDir(cwd) {
  return execFileSync('git', ['rev-parse', '--git-dir'], { cwd, encoding: 'utf8' }).trim();
}

function readConfig(cwd) {
  const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));
  return pkg['git-hooks'] || {};
}

function install(cwd) {
  if (process.env.CI || process.env.GIT_HOOKS_INSTALLER === '0') return null;
  const hooksDir = path.resolve(cwd, gitDir(cwd), 'hooks');
  const cfg = readConfig(cwd);
  let n = 0;
  for (const [hook, command] of Object.entries(cfg)) {
    if (!VALID.includes(hook)) throw new Error(`unknown hook "${hook}"`);
    const file = path.join(hooksDir, hook);
    if (fs.existsSync(file) && !fs.readFileSync(file, 'utf8').includes(MARK)) fs.renameSync(file, file + '.old');
    fs.writeFileSync(file, `#!/bin/sh\n${MARK}\n[ "$GIT_HOOKS_INSTALLER" = "0" ] && exit 0\n${command}\n`, { mode: 0o755 });
    n++;
  }
  return n;
}

function uninstall(cwd) {
  const hooksDir = path.resolve(cwd, gitDir(cwd), 'hooks');
  for (const hook of VALID) {
    const file = path.join(hooksDir, hook);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(MARK)) {
      fs.unlinkSync(file);
      if (fs.existsSync(file + '.old')) fs.renameSync(file + '.old', file);
    }
  }
}

module.exports = { install, uninstall };
