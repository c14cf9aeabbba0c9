#!/usr/bin/env node
'use strict';
const { createRelease, uploadAsset, changelog } = require('./index');
const args = process.argv.slice(2);
const opt = (n) => { const i = args.indexOf('--' + n); return i >= 0 ? args[i + 1] : undefined; };
(async () => {
  const repo = opt('repo') || process.env.GITHUB_REPOSITORY;
  const tag = opt('tag') || (process.env.GITHUB_REF || '').replace('refs/tags/', '');
  const body = opt('since') ? await changelog(repo, opt('since'), tag) : opt('notes') || '';
  const rel = await createRelease({ repo, tag, body, draft: args.includes('--draft'), prerelease: args.includes('--prerelease') });
  for (const f of args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] || '').startsWith('--'))) await uploadAsset(rel, f);
  console.log(rel.html_url);
})().catch((e) => { console.error(e.message); process.exit(1); });
