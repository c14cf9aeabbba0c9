'use strict';
const fs = require('fs'), path = require('path'), { spawnSync } = require('child_process');
const git = (args) => spawnSync('git', args, { encoding: 'utf8' });
function install(dir = '.hooks') {
  if (process.env.HOOKS === '0') return 'HOOKS=0 skip install';
  if (dir.includes('..')) return '.. not allowed';
  if (git(['rev-parse']).status !== 0) return 'not a git repository, skipping';
  const internal = path.join(dir, '_');
  fs.mkdirSync(internal, { recursive: true });
  fs.writeFileSync(path.join(internal, '.gitignore'), '*');
  fs.writeFileSync(path.join(internal, 'h'), '#!/usr/bin/env sh\n[ "$HOOKS" = "0" ] && exit 0\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n', { mode: 0o755 });
  for (const h of ['pre-commit', 'commit-msg', 'pre-push', 'post-merge']) fs.writeFileSync(path.join(internal, h), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n', { mode: 0o755 });
  const { error } = git(['config', 'core.hooksPath', internal]);
  return error ? error.message : '';
}
function add(hook, cmd, dir = '.hooks') { fs.mkdirSync(dir, { recursive: true }); fs.writeFileSync(path.join(dir, hook), cmd + '\n'); }
module.exports = { install, add };
