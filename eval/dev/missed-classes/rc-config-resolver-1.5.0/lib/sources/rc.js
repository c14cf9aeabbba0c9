'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function parseIni(text) {
  const out = {};
  let section = out;
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim();
    if (!l || l[0] === ';' || l[0] === '#') continue;
    const sec = /^\[(.+)\]$/.exec(l);
    if (sec) { section = out[sec[1]] = out[sec[1]] || {}; continue; }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(l);
    if (kv) section[kv[1]] = kv[2];
  }
  return out;
}

function readRcFiles(names, base) {
  const root = base || os.homedir();
  const found = [];
  for (const name of names) {
    const file = path.join(root, name);
    try {
      found.push({ name, text: fs.readFileSync(file, 'utf8') });
    } catch (e) {
      // not present
    }
  }
  return found;
}

function appRc(app, cwd) {
  const files = [path.join(cwd || process.cwd(), '.' + app + 'rc'), path.join(os.homedir(), '.' + app + 'rc')];
  const merged = {};
  for (const f of files.reverse()) {
    try { Object.assign(merged, parseIni(fs.readFileSync(f, 'utf8'))); } catch (e) {}
  }
  return merged;
}

module.exports = { readRcFiles, appRc, parseIni };
