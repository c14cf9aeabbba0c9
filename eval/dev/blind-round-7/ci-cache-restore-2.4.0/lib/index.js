'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const diag = require('./diag');

const LOCKS = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb'];

function cacheKey(root = process.cwd(), prefix = 'deps') {
  const h = crypto.createHash('sha256');
  h.update(process.platform + process.arch + process.versions.node.split('.')[0]);
  for (const f of LOCKS) { const p = path.join(root, f); if (fs.existsSync(p)) h.update(fs.readFileSync(p)); }
  return `${prefix}-${process.platform}-${h.digest('hex').slice(0, 16)}`;
}

function cacheDir() { return process.env.CI_CACHE_DIR || path.join(process.env.RUNNER_TOOL_CACHE || require('os').tmpdir(), 'ci-cache'); }

function save(paths, key = cacheKey()) {
  const dir = cacheDir(); fs.mkdirSync(dir, { recursive: true });
  const archive = path.join(dir, key + '.tar.gz');
  if (fs.existsSync(archive)) return { key, hit: true };
  execFileSync('tar', ['-czf', archive, ...paths.filter((p) => fs.existsSync(p))]);
  return { key, hit: false, archive };
}

function restore(key = cacheKey()) {
  diag.report();
  const archive = path.join(cacheDir(), key + '.tar.gz');
  if (!fs.existsSync(archive)) return { key, hit: false };
  execFileSync('tar', ['-xzf', archive]);
  return { key, hit: true };
}

module.exports = { cacheKey, save, restore };
