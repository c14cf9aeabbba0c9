'use strict';
const DEFAULT_KEYS = ['password', 'passwd', 'secret', 'token', 'authorization', 'cookie', 'apikey', 'api_key', 'session'];
function redact(obj, keys = DEFAULT_KEYS, depth = 0) {
  if (depth > 8 || obj === null || typeof obj !== 'object') return obj;
  const out = Array.isArray(obj) ? [] : {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = keys.some(x => k.toLowerCase().includes(x)) ? '[REDACTED]' : redact(v, keys, depth + 1);
  }
  return out;
}
module.exports = { redact, DEFAULT_KEYS };
