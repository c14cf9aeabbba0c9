'use strict';
const { execFileSync } = require('child_process');
function check(name) {
  const out = execFileSync('npm', ['view', name, 'dist.attestations', '--json'], { encoding: 'utf8' });
  const a = out.trim() ? JSON.parse(out) : null;
  return { name, hasProvenance: !!(a && a.provenance) };
}
module.exports = { check };
