'use strict';
const fs = require('fs');
const path = require('path');

const API = process.env.GITHUB_API_URL || 'https://api.github.example.com';

function token() {
  const t = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!t) throw new Error('GITHUB_TOKEN (or GH_TOKEN) must be set');
  return t;
}

async function gh(method, url, body, headers = {}) {
  const res = await fetch(url.startsWith('http') ? url : API + url, {
    method,
    headers: { authorization: `Bearer ${token()}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'gh-release-helper', ...headers },
    body: body && !(body instanceof Buffer) ? JSON.stringify(body) : body
  });
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

async function createRelease({ repo = process.env.GITHUB_REPOSITORY, tag, name, body = '', draft = false, prerelease = false, target = process.env.GITHUB_SHA }) {
  if (!repo || !tag) throw new Error('repo and tag are required');
  return gh('POST', `/repos/${repo}/releases`, { tag_name: tag, name: name || tag, body, draft, prerelease, target_commitish: target });
}

async function uploadAsset(release, file, { label, contentType = 'application/octet-stream' } = {}) {
  const data = fs.readFileSync(file);
  const base = release.upload_url.replace(/\{.*\}$/, '');
  const q = new URLSearchParams({ name: path.basename(file) });
  if (label) q.set('label', label);
  return gh('POST', `${base}?${q}`, data, { 'content-type': contentType, 'content-length': String(data.length) });
}

async function changelog(repo, from, to = 'HEAD') {
  const cmp = await gh('GET', `/repos/${repo}/compare/${from}...${to}`);
  return cmp.commits.map((c) => `- ${c.commit.message.split('\n')[0]} (${c.sha.slice(0, 7)})`).join('\n');
}

module.exports = { createRelease, uploadAsset, changelog };
