'use strict';
const fs = require('fs');
const path = require('path');

const VALID_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-checkout', 'post-merge', 'pre-push', 'pre-rebase'];
const PREFIX = '#!/bin/sh\n# installed by simple-hooks-setup\n';

function findProjectRoot(start) {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    if (dir.split(path.sep).includes('node_modules')) { dir = path.dirname(dir); continue; }
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, '.git'))) return dir;
    dir = path.dirname(dir);
  }
  return null;
}

function readConfig(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg['simple-hooks-setup']) return pkg['simple-hooks-setup'];
  for (const f of ['.simple-hooks.json', 'simple-hooks.json']) { const p = path.join(root, f); if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8')); }
  return null;
}

function hooksDir(root) {
  const git = path.join(root, '.git');
  if (fs.statSync(git).isFile()) { const m = /gitdir: (.+)/.exec(fs.readFileSync(git, 'utf8')); return path.join(path.resolve(root, m[1].trim()), 'hooks'); }
  return path.join(git, 'hooks');
}

function setHooks(root) {
  const config = readConfig(root);
  if (!config) return [];
  const dir = hooksDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const hook of VALID_HOOKS) {
    const file = path.join(dir, hook);
    if (config[hook]) {
      fs.writeFileSync(file, `${PREFIX}\n${config[hook]}\n`, { mode: 0o755 });
      written.push(hook);
    } else if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').startsWith(PREFIX) && !config.preserveUnused) {
      fs.unlinkSync(file);
    }
  }
  return written;
}
module.exports = { setHooks, findProjectRoot, readConfig, VALID_HOOKS };
