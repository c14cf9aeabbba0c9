'use strict';

function parse(v) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?$/.exec(v);
  if (!m) throw new Error('invalid version ' + v);
  return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] || null };
}

function bump(v, kind, preid = 'rc') {
  const s = parse(v);
  switch (kind) {
    case 'major': return `${s.major + 1}.0.0`;
    case 'minor': return `${s.major}.${s.minor + 1}.0`;
    case 'patch': return s.pre ? `${s.major}.${s.minor}.${s.patch}` : `${s.major}.${s.minor}.${s.patch + 1}`;
    case 'prerelease': {
      if (s.pre && s.pre.startsWith(preid + '.')) {
        const n = parseInt(s.pre.split('.')[1], 10) + 1;
        return `${s.major}.${s.minor}.${s.patch}-${preid}.${n}`;
      }
      return `${s.major}.${s.minor}.${s.patch + 1}-${preid}.0`;
    }
    default:
      if (/^\d+\.\d+\.\d+/.test(kind)) return parse(kind) && kind;
      throw new Error('unknown bump ' + kind);
  }
}

module.exports = { parse, bump };
