'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const HOOKS = ['pre-commit', 'commit-msg', 'pre-push', 'post-merge', 'post-checkout', 'prepare-commit-msg'];
const DIR = '.githooks-lite';

function gitRoot(cwd) {
  try { return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch (e) { return null; }
}

function install(projectDir) {
  const root = gitRoot(projectDir);
  if (!root) return { skipped: 'not a git repository' };
  const pkgFile = path.join(projectDir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const config = pkg['git-hooks'] || {};
  const dir = path.join(root, DIR);
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const hook of HOOKS) {
    const file = path.join(dir, hook);
    if (!config[hook]) { if (fs.existsSync(file)) fs.unlinkSync(file); continue; }
    const cmd = String(config[hook]);
    fs.writeFileSync(file, `#!/bin/sh\n# managed by git-hooks-lite (package.json "git-hooks".${hook})\n[ -n "$GIT_HOOKS_LITE_SKIP" ] && exit 0\ncd "${path.relative(root, projectDir) || '.'}" || exit 1\n${cmd}\n`, { mode: 0o755 });
    written.push(hook);
  }
  execFileSync('git', ['config', 'core.hooksPath', DIR], { cwd: root });
  return { root, hooks: written };
}

function uninstall(projectDir) {
  const root = gitRoot(projectDir);
  if (!root) return;
  try { execFileSync('git', ['config', '--unset', 'core.hooksPath'], { cwd: root }); } catch (e) {}
  fs.rmSync(path.join(root, DIR), { recursive: true, force: true });
}

module.exports = { install, uninstall, HOOKS };
