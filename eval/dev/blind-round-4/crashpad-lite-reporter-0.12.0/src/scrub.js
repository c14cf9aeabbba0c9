'use strict';
const os = require('os');
const home = os.homedir();
const user = os.userInfo().username;
const PATTERNS = [
  [/(?:ghp|gho|ghs|ghu|github_pat)_[A-Za-z0-9_]{20,}/g, '[github-token]'],
  [/npm_[A-Za-z0-9]{36}/g, '[npm-token]'],
  [/AKIA[0-9A-Z]{16}/g, '[aws-key]'],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[jwt]'],
  [/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]'],
  [/(password|passwd|secret|token|api[_-]?key)=\S+/gi, '$1=[redacted]'],
];
function scrub(s) {
  s = String(s).split(home).join('~');
  if (user.length > 2) s = s.split(user).join('[user]');
  for (const [re, rep] of PATTERNS) s = s.replace(re, rep);
  return s;
}
module.exports = { scrub };
