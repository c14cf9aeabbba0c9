import process from 'node:process';
import os from 'node:os';
import tty from 'node:tty';

const {env} = process;

function _supportsColor(haveStream, streamIsTTY) {
	if ('FORCE_COLOR' in env) {
		const level = Number.parseInt(env.FORCE_COLOR, 10);
		return Number.isNaN(level) ? 1 : Math.min(level, 3);
	}
	if ('NO_COLOR' in env || env.TERM === 'dumb') return 0;
	if (haveStream && !streamIsTTY) return 0;
	if (process.platform === 'win32') {
		const osRelease = os.release().split('.');
		if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10_586) {
			return Number(osRelease[2]) >= 14_931 ? 3 : 2;
		}
		return 1;
	}
	if ('CI' in env) {
		return ['GITHUB_ACTIONS', 'GITEA_ACTIONS', 'CIRCLECI'].some(key => key in env) ? 3 : 1;
	}
	if (env.COLORTERM === 'truecolor') return 3;
	if (/-256(color)?$/i.test(env.TERM || '')) return 2;
	if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM || '')) return 1;
	return 0;
}

function createSupportsColor(stream) {
	const level = _supportsColor(true, stream && stream.isTTY);
	return level === 0 ? false : {level, hasBasic: true, has256: level >= 2, has16m: level >= 3};
}

const supportsColor = {
	stdout: typeof process === 'object' && process.stdout ? createSupportsColor({isTTY: tty.isatty(1)}) : false,
	stderr: typeof process === 'object' && process.stderr ? createSupportsColor({isTTY: tty.isatty(2)}) : false,
};

export default supportsColor;
