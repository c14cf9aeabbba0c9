import process from 'node:process';
import os from 'node:os';
import tty from 'node:tty';

function hasFlag(flag, argv = process.argv) {
  const prefix = flag.startsWith('-') ? '' : (flag.length === 1 ? '-' : '--');
  const pos = argv.indexOf(prefix + flag);
  const term = argv.indexOf('--');
  return pos !== -1 && (term === -1 || pos < term);
}

const { env } = process;
let flagForceColor;
if (hasFlag('no-color') || hasFlag('no-colors') || hasFlag('color=false') || hasFlag('color=never')) flagForceColor = 0;
else if (hasFlag('color') || hasFlag('colors') || hasFlag('color=true') || hasFlag('color=always')) flagForceColor = 1;

function envForceColor() {
  if (!('FORCE_COLOR' in env)) return undefined;
  if (env.FORCE_COLOR === 'true') return 1;
  if (env.FORCE_COLOR === 'false') return 0;
  return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
}

function level(stream, { streamIsTTY = true } = {}) {
  const forced = envForceColor() ?? flagForceColor;
  if (forced === 0) return 0;
  if (hasFlag('color=16m') || hasFlag('color=full') || hasFlag('color=truecolor')) return 3;
  if (hasFlag('color=256')) return 2;
  if (stream && !streamIsTTY && forced === undefined) return 0;
  const min = forced || 0;
  if (env.TERM === 'dumb') return min;
  if (process.platform === 'win32') {
    const rel = os.release().split('.');
    if (Number(rel[0]) >= 10 && Number(rel[2]) >= 10586) return Number(rel[2]) >= 14931 ? 3 : 2;
    return 1;
  }
  if ('CI' in env) {
    if ('GITHUB_ACTIONS' in env || 'GITEA_ACTIONS' in env) return 3;
    if (['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI', 'BUILDKITE', 'DRONE'].some((s) => s in env) || env.CI_NAME === 'codeship') return 1;
    return min;
  }
  if (env.COLORTERM === 'truecolor' || env.TERM === 'xterm-kitty') return 3;
  if ('TERM_PROGRAM' in env) {
    const v = Number.parseInt((env.TERM_PROGRAM_VERSION || '').split('.')[0], 10);
    if (env.TERM_PROGRAM === 'iTerm.app') return v >= 3 ? 3 : 2;
    if (env.TERM_PROGRAM === 'Apple_Terminal') return 2;
  }
  if (/-256(color)?$/i.test(env.TERM || '')) return 2;
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM || '')) return 1;
  if ('COLORTERM' in env) return 1;
  return min;
}

const toObj = (l) => (l === 0 ? false : { level: l, hasBasic: true, has256: l >= 2, has16m: l >= 3 });
export function createSupportsColor(stream, options = {}) { return toObj(level(stream, { streamIsTTY: stream && stream.isTTY, ...options })); }
export default { stdout: createSupportsColor({ isTTY: tty.isatty(1) }), stderr: createSupportsColor({ isTTY: tty.isatty(2) }) };
