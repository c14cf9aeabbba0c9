'use strict';
function supportsColor(stream) {
  if (typeof process === 'undefined' || !process.env) return 0;
  const env = process.env;
  if ('FORCE_COLOR' in env) return env.FORCE_COLOR === 'false' ? 0 : Math.min(Number.parseInt(env.FORCE_COLOR, 10) || 1, 3);
  if ('NO_COLOR' in env) return 0;
  if (stream && !stream.isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor') return 3;
  if (/-256(color)?$/i.test(env.TERM || '')) return 2;
  if ('CI' in env) return 1;
  return 1;
}
module.exports = { stdout: supportsColor(typeof process !== 'undefined' && process.stdout), supportsColor };
