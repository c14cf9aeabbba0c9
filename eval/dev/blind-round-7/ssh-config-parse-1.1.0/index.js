'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const MULTI = new Set(['identityfile', 'localforward', 'remoteforward', 'dynamicforward', 'certificatefile', 'sendenv']);

function expandHome(p) { return p.replace(/^~(?=$|\/|\\)/, os.homedir()); }

function glob(pattern, dir) {
  const full = path.resolve(dir, expandHome(pattern));
  if (!/[*?]/.test(full)) return fs.existsSync(full) ? [full] : [];
  const base = path.dirname(full);
  const re = new RegExp('^' + path.basename(full).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  try { return fs.readdirSync(base).filter((f) => re.test(f)).sort().map((f) => path.join(base, f)); } catch (e) { return []; }
}

function parse(text, { file, depth = 0 } = {}) {
  const sections = [{ type: 'global', patterns: ['*'], options: [] }];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^(\S+?)\s*(?:=|\s)\s*(.+)$/);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].replace(/^"(.*)"$/, '$1');
    if (key === 'host') sections.push({ type: 'host', patterns: value.split(/\s+/), options: [] });
    else if (key === 'match') sections.push({ type: 'match', criteria: value, options: [] });
    else if (key === 'include' && depth < 8) {
      const dir = file ? path.dirname(file) : path.join(os.homedir(), '.ssh');
      for (const inc of value.split(/\s+/).flatMap((p) => glob(p, dir))) {
        const sub = parse(fs.readFileSync(inc, 'utf8'), { file: inc, depth: depth + 1 });
        sections[sections.length - 1].options.push(...sub[0].options);
        sections.push(...sub.slice(1));
      }
    } else sections[sections.length - 1].options.push([key, value]);
  }
  return sections;
}

function hostMatches(patterns, host) {
  let ok = false;
  for (const p of patterns) {
    const neg = p.startsWith('!');
    const re = new RegExp('^' + (neg ? p.slice(1) : p).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
    if (re.test(host)) { if (neg) return false; ok = true; }
  }
  return ok;
}

function resolve(host, sections) {
  const out = {};
  for (const s of sections) {
    if (s.type === 'match' || !hostMatches(s.patterns, host)) continue;
    for (const [k, v] of s.options) {
      if (MULTI.has(k)) (out[k] = out[k] || []).push(expandHome(v.replace(/%h/g, host)));
      else if (!(k in out)) out[k] = v.replace(/%h/g, host);
    }
  }
  if (!out.hostname) out.hostname = host;
  return out;
}

function load(file = path.join(os.homedir(), '.ssh', 'config')) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const sections = parse(text, { file });
  return { sections, resolve: (host) => resolve(host, sections), hosts: () => sections.filter((s) => s.type === 'host').flatMap((s) => s.patterns).filter((p) => !/[*?!]/.test(p)) };
}

module.exports = { parse, resolve, load, hostMatches };
