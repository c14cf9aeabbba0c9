'use strict';
var env = process.env;

function supportsColor(stream) {
  if ('FORCE_COLOR' in env) return env.FORCE_COLOR.length === 0 || parseInt(env.FORCE_COLOR, 10) !== 0;
  if (stream && !stream.isTTY) return false;
  if (process.platform === 'win32') return true;
  if ('CI' in env) return ['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI'].some(function(s) { return s in env; });
  if (env.COLORTERM === 'truecolor') return true;
  return /^xterm-256(?:color)?/.test(env.TERM || '') || /color|ansi|cygwin|linux/i.test(env.TERM || '');
}

module.exports = { supportsColor: function() { return supportsColor(process.stdout); } };
