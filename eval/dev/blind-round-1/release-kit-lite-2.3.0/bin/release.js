#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts }).trim();

function bump(v, kind) {
  const [maj, min, pat] = v.split('-')[0].split('.').map(Number);
  return kind === 'major' ? `${maj + 1}.0.0` : kind === 'minor' ? `${maj}.${min + 1}.0` : `${maj}.${min}.${pat + 1}`;
}

function changelog(fromTag) {
  const range = fromTag ? `${fromTag}..HEAD` : 'HEAD';
  return sh('git', ['log', range, '--pretty=format:- %s (%h)', '--no-merges']);
}

async function githubRelease(repo, tag, body) {
  const token = process.env.GITHUB_TOKEN;
  if (!token) return console.log('GITHUB_TOKEN not set; skipping GitHub release');
  const res = await fetch(`https://api.github.com/repos/${repo}/releases`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
    body: JSON.stringify({ tag_name: tag, name: tag, body })
  });
  if (!res.ok) throw new Error(`GitHub release failed: ${res.status} ${await res.text()}`);
  console.log(`created GitHub release ${tag}`);
}

async function main() {
  const kind = process.argv[2] || 'patch';
  const dry = process.argv.includes('--dry-run');
  const pkgPath = path.resolve('package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  if (sh('git', ['status', '--porcelain'])) throw new Error('working tree is not clean');
  const prev = `v${pkg.version}`;
  const next = bump(pkg.version, kind);
  const notes = changelog(sh('git', ['tag', '--list', prev]) ? prev : null);
  console.log(`releasing ${pkg.name} ${pkg.version} -> ${next}\n${notes}`);
  if (dry) return;
  pkg.version = next;
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  const cl = path.resolve('CHANGELOG.md');
  fs.writeFileSync(cl, `## v${next} (${new Date().toISOString().slice(0, 10)})\n\n${notes}\n\n` + (fs.existsSync(cl) ? fs.readFileSync(cl, 'utf8') : ''));
  sh('git', ['add', 'package.json', 'CHANGELOG.md']);
  sh('git', ['commit', '-m', `release: v${next}`]);
  sh('git', ['tag', '-a', `v${next}`, '-m', `v${next}`]);
  execFileSync('npm', ['publish', ...(pkg.publishConfig && pkg.publishConfig.access ? [] : ['--access', 'public'])], { stdio: 'inherit' });
  sh('git', ['push', '--follow-tags']);
  const repo = (pkg.repository && (pkg.repository.url || pkg.repository) || '').replace(/^.*github\.com[/:]/, '').replace(/\.git$/, '');
  if (repo) await githubRelease(repo, `v${next}`, notes);
}

main().catch((e) => { console.error(`release-kit: ${e.message}`); process.exit(1); });
