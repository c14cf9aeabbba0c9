'use strict';
const { domainToASCII, domainToUnicode } = require('url');
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

function isValid(host) {
  if (typeof host !== 'string' || !host || host.length > 253) return false;
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  const ascii = domainToASCII(h);
  return !!ascii && ascii.split('.').every((l) => LABEL.test(l));
}
function normalize(host) {
  const h = String(host).trim().toLowerCase().replace(/\.$/, '');
  return domainToASCII(h) || null;
}
function toUnicode(host) { return domainToUnicode(host); }
function labels(host) { return normalize(host).split('.'); }
function registrable(host, publicSuffixes = ['com', 'net', 'org', 'co.uk', 'io', 'dev']) {
  const ls = labels(host);
  for (let i = 0; i < ls.length; i++) {
    const suffix = ls.slice(i).join('.');
    if (publicSuffixes.includes(suffix)) return ls.slice(Math.max(0, i - 1)).join('.');
  }
  return ls.slice(-2).join('.');
}
module.exports = { isValid, normalize, toUnicode, labels, registrable };
