'use strict';
const SENSITIVE = /pass(word)?|secret|token|auth|cookie|session|api[-_]?key|private|credential|dsn|signature/i;
function scrubObject(obj, depth = 0) {
  if (!obj || typeof obj !== 'object' || depth > 6) return obj;
  const out = Array.isArray(obj) ? [] : {};
  for (const [k, v] of Object.entries(obj)) out[k] = SENSITIVE.test(k) ? '[Filtered]' : scrubObject(v, depth + 1);
  return out;
}
function scrubString(s) {
  return String(s)
    .replace(/(authorization:\s*)(bearer|basic)\s+\S+/gi, '$1$2 [Filtered]')
    .replace(/\b(npm_|ghp_|gho_|github_pat_|xox[bap]-|AKIA)[A-Za-z0-9_\-]{8,}/g, '[Filtered]')
    .replace(/\/\/[^:\s]+:[^@\s]+@/g, '//[Filtered]@');
}
module.exports = { scrubObject, scrubString, SENSITIVE };
