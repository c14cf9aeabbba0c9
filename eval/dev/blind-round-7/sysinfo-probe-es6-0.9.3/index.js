'use strict';
const os = require('os');
const { execSync } = require('child_process');

function distro() {
  if (process.platform !== 'linux') return null;
  try {
    const txt = require('fs').readFileSync('/etc/os-release', 'utf8');
    const get = (k) => (txt.match(new RegExp('^' + k + '="?([^"\\n]*)', 'm')) || [])[1];
    return { id: get('ID'), name: get('NAME'), version: get('VERSION_ID') };
  } catch (e) { return null; }
}
function macVersion() {
  if (process.platform !== 'darwin') return null;
  try { return execSync('sw_vers -productVersion', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch (e) { return null; }
}
function info() {
  const cpus = os.cpus();
  return {
    platform: process.platform, arch: process.arch, release: os.release(), type: os.type(),
    distro: distro(), macos: macVersion(),
    cpu: { model: cpus[0] && cpus[0].model, cores: cpus.length, speed: cpus[0] && cpus[0].speed },
    memory: { total: os.totalmem(), free: os.freemem() },
    uptime: os.uptime(), endianness: os.endianness()
  };
}
module.exports = info;
module.exports.info = info;
