'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const ONE_DAY = 24 * 60 * 60 * 1000;

function configPath(name) {
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'cli-update-notice', name.replace(/[^\w.-]/g, '_') + '.json');
}

function cmp(a, b) {
  const pa = a.split(/[.-]/).map((x) => (isNaN(x) ? x : +x)), pb = b.split(/[.-]/).map((x) => (isNaN(x) ? x : +x));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i] ? 1 : -1;
  return 0;
}

function disabled() {
  const e = process.env;
  return !!(e.NO_UPDATE_NOTIFIER || e.CI || e.CONTINUOUS_INTEGRATION || e.BUILD_NUMBER || e.NODE_ENV === 'test' || process.argv.includes('--no-update-notifier') || !process.stdout.isTTY);
}

function notifier({ pkg, interval = ONE_DAY, registry } = {}) {
  if (!pkg || !pkg.name || !pkg.version) throw new Error('pkg.name and pkg.version required');
  const file = configPath(pkg.name);
  let state = {};
  try { state = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {}
  if (!disabled() && (!state.lastCheck || Date.now() - state.lastCheck > interval)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...state, lastCheck: Date.now() }));
    const child = spawn(process.execPath, [path.join(__dirname, 'check.js'), pkg.name, file, registry || process.env.npm_config_registry || 'https://registry.npmjs.example.org'], { detached: true, stdio: 'ignore' });
    child.unref();
  }
  return {
    update: state.latest && cmp(state.latest, pkg.version) > 0 ? { current: pkg.version, latest: state.latest } : null,
    notify() {
      if (disabled() || !this.update) return;
      process.on('exit', () => {
        process.stderr.write(`\n  Update available ${this.update.current} → ${this.update.latest}\n  Run npm i -g ${pkg.name} to update\n\n`);
      });
    }
  };
}
module.exports = notifier;
