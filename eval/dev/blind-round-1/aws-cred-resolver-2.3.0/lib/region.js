'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const imds = require('./imds');

function fromEnv() {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || null;
}

function fromProfile(profile) {
  const file = process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
  try {
    const text = fs.readFileSync(file, 'utf8');
    const name = profile === 'default' ? 'default' : `profile ${profile}`;
    const section = text.split(/^\[/m).find((s) => s.startsWith(name + ']'));
    const m = section && section.match(/^region\s*=\s*(\S+)/m);
    return m ? m[1] : null;
  } catch (e) {
    return null;
  }
}

async function fromImds() {
  const t = await imds.token();
  const doc = await imds.get('/latest/dynamic/instance-identity/document', t);
  try { return JSON.parse(doc).region; } catch (e) { return null; }
}

module.exports = { fromEnv, fromProfile, fromImds };
