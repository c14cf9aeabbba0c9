'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const SSH_DIR = path.join(os.homedir(), '.ssh');
const CONFIG = path.join(SSH_DIR, 'config');
const AUTH = path.join(SSH_DIR, 'authorized_keys');
const KEY_RE = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/=]+( .*)?$/;

const expand = (p) => p.replace(/^~(?=$|\/)/, os.homedir());
function backup(file) { if (fs.existsSync(file)) fs.copyFileSync(file, file + '.bak'); }

function parseConfig(text) {
  const hosts = []; let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim(); if (!line || line.startsWith('#')) continue;
    const [k, ...v] = line.split(/\s+/);
    if (/^host$/i.test(k)) { cur = { Host: v.join(' ') }; hosts.push(cur); } else if (cur) cur[k] = v.join(' ');
  }
  return hosts;
}
function serialize(hosts) { return hosts.map((h) => Object.entries(h).map(([k, v], i) => (i ? '    ' : '') + `${k} ${v}`).join('\n')).join('\n\n') + '\n'; }
function listHosts() { return fs.existsSync(CONFIG) ? parseConfig(fs.readFileSync(CONFIG, 'utf8')) : []; }
function saveHosts(hosts) { fs.mkdirSync(SSH_DIR, { recursive: true, mode: 0o700 }); backup(CONFIG); fs.writeFileSync(CONFIG, serialize(hosts), { mode: 0o600 }); }
function addHost(alias, opts) {
  const hosts = listHosts().filter((h) => h.Host !== alias);
  const entry = { Host: alias };
  for (const [k, v] of Object.entries(opts)) if (v) entry[k] = v;
  hosts.push(entry); saveHosts(hosts);
}
function removeHost(alias) { saveHosts(listHosts().filter((h) => h.Host !== alias)); }

function readPubKey(file) {
  const key = fs.readFileSync(expand(file), 'utf8').trim();
  if (!KEY_RE.test(key)) throw new Error(`${file} does not look like an OpenSSH public key`);
  return key;
}

function authorizeLocal(file) {
  const key = readPubKey(file);
  fs.mkdirSync(SSH_DIR, { recursive: true, mode: 0o700 });
  const cur = fs.existsSync(AUTH) ? fs.readFileSync(AUTH, 'utf8') : '';
  if (cur.split(/\r?\n/).some((l) => l.trim().split(' ')[1] === key.split(' ')[1])) return 'key already authorized';
  backup(AUTH);
  fs.appendFileSync(AUTH, (cur && !cur.endsWith('\n') ? '\n' : '') + key + '\n', { mode: 0o600 });
  return `authorized ${key.split(' ').slice(2).join(' ') || key.slice(0, 24) + '...'}`;
}

function copyId(host, identity) {
  const key = readPubKey(identity);
  const script = 'umask 077; mkdir -p ~/.ssh && touch ~/.ssh/authorized_keys && (grep -qxF "$K" ~/.ssh/authorized_keys || echo "$K" >> ~/.ssh/authorized_keys)';
  const r = spawnSync('ssh', [host, `K='${key.replace(/'/g, '')}' sh -c '${script.replace(/'/g, "'\\''")}'`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`ssh exited with ${r.status}`);
}

module.exports = { listHosts, addHost, removeHost, authorizeLocal, copyId, parseConfig };
