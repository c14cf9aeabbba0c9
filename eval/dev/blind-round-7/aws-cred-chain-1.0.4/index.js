'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');

function parseIni(text) {
  const out = {}; let cur = null;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t[0] === '#' || t[0] === ';') continue;
    const sec = t.match(/^\[(?:profile\s+)?([^\]]+)\]$/);
    if (sec) { cur = out[sec[1].trim()] = out[sec[1].trim()] || {}; continue; }
    const kv = t.match(/^([^=]+?)\s*=\s*(.*)$/);
    if (kv && cur) cur[kv[1]] = kv[2];
  }
  return out;
}

function fromEnv(env = process.env) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN, source: 'env' };
  return null;
}

function fromSharedFiles(profile = process.env.AWS_PROFILE || 'default') {
  const credFile = process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
  const confFile = process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
  const creds = fs.existsSync(credFile) ? parseIni(fs.readFileSync(credFile, 'utf8'))[profile] : null;
  if (creds && creds.aws_access_key_id) return { accessKeyId: creds.aws_access_key_id, secretAccessKey: creds.aws_secret_access_key, sessionToken: creds.aws_session_token, source: 'shared-credentials' };
  const conf = fs.existsSync(confFile) ? parseIni(fs.readFileSync(confFile, 'utf8'))[profile] : null;
  if (conf && conf.credential_process) {
    const [cmd, ...args] = conf.credential_process.match(/"[^"]*"|\S+/g).map((s) => s.replace(/^"|"$/g, ''));
    const j = JSON.parse(execFileSync(cmd, args, { encoding: 'utf8' }));
    return { accessKeyId: j.AccessKeyId, secretAccessKey: j.SecretAccessKey, sessionToken: j.SessionToken, source: 'credential_process' };
  }
  return null;
}

function resolve() {
  const c = fromEnv() || fromSharedFiles();
  if (!c) throw new Error('Could not load AWS credentials from env or shared config');
  return c;
}

const hmac = (k, s) => crypto.createHmac('sha256', k).update(s).digest();
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex');

function sign({ method = 'GET', url, region, service, headers = {}, body = '' }, creds = resolve(), now = new Date()) {
  const u = new URL(url);
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const date = amzDate.slice(0, 8);
  const h = { ...headers, host: u.host, 'x-amz-date': amzDate, 'x-amz-content-sha256': sha(body) };
  if (creds.sessionToken) h['x-amz-security-token'] = creds.sessionToken;
  const names = Object.keys(h).map((k) => k.toLowerCase()).sort();
  const canonHeaders = names.map((k) => `${k}:${String(h[Object.keys(h).find((x) => x.toLowerCase() === k)]).trim()}\n`).join('');
  const query = [...u.searchParams].sort().map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const canonical = [method, u.pathname || '/', query, canonHeaders, names.join(';'), sha(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac('AWS4' + creds.secretAccessKey, date), region), service), 'aws4_request');
  h.authorization = `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${crypto.createHmac('sha256', key).update(toSign).digest('hex')}`;
  return h;
}

module.exports = { resolve, fromEnv, fromSharedFiles, sign, parseIni };
