'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');

function parseIni(text) {
  const out = {};
  let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[;#].*$/, '').trim();
    if (!line) continue;
    const sec = line.match(/^\[(.+)\]$/);
    if (sec) { cur = out[sec[1].replace(/^profile\s+/, '').trim()] = {}; continue; }
    const kv = line.match(/^([^=]+)=(.*)$/);
    if (kv && cur) cur[kv[1].trim()] = kv[2].trim();
  }
  return out;
}

function fromEnv() {
  const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = process.env;
  return id && secret ? { accessKeyId: id, secretAccessKey: secret, sessionToken: token, source: 'env' } : null;
}

function fromSharedFiles(profile) {
  const credFile = process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
  try {
    const p = parseIni(fs.readFileSync(credFile, 'utf8'))[profile];
    if (p && p.aws_access_key_id) return { accessKeyId: p.aws_access_key_id, secretAccessKey: p.aws_secret_access_key, sessionToken: p.aws_session_token, source: `profile:${profile}` };
  } catch {}
  return null;
}

function httpJson(opts, body) {
  return new Promise((resolve) => {
    const req = http.request({ timeout: 1000, ...opts }, (res) => {
      let b = '';
      res.on('data', (c) => { b += c; });
      res.on('end', () => resolve(res.statusCode === 200 ? b : null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

async function fromContainer() {
  const rel = process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (!rel) return null;
  const b = await httpJson({ host: '169.254.170.2', path: rel });
  if (!b) return null;
  const j = JSON.parse(b);
  return { accessKeyId: j.AccessKeyId, secretAccessKey: j.SecretAccessKey, sessionToken: j.Token, expiration: j.Expiration, source: 'ecs' };
}

async function fromInstanceMetadata() {
  if (process.env.AWS_EC2_METADATA_DISABLED === 'true') return null;
  const host = '169.254.169.254';
  const token = await httpJson({ host, method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' } });
  const h = token ? { 'X-aws-ec2-metadata-token': token } : {};
  const role = await httpJson({ host, path: '/latest/meta-data/iam/security-credentials/', headers: h });
  if (!role) return null;
  const b = await httpJson({ host, path: '/latest/meta-data/iam/security-credentials/' + role.split('\n')[0], headers: h });
  if (!b) return null;
  const j = JSON.parse(b);
  return { accessKeyId: j.AccessKeyId, secretAccessKey: j.SecretAccessKey, sessionToken: j.Token, expiration: j.Expiration, source: 'imds' };
}

async function resolveCredentials({ profile = process.env.AWS_PROFILE || 'default' } = {}) {
  return fromEnv() || fromSharedFiles(profile) || (await fromContainer()) || (await fromInstanceMetadata());
}

module.exports = { resolveCredentials, fromEnv, fromSharedFiles, fromContainer, fromInstanceMetadata, parseIni };
