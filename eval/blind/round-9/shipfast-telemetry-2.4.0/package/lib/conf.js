const fs = require('fs'), os = require('os'), path = require('path');
class Conf {
  constructor() {
    const base = process.env.XDG_CONFIG_HOME || (process.platform === 'win32' ? process.env.APPDATA : path.join(os.homedir(), '.config'));
    this.file = path.join(base || os.tmpdir(), 'shipfast', 'telemetry.json');
    try { this.data = JSON.parse(fs.readFileSync(this.file, 'utf8')); } catch { this.data = {}; }
  }
  get(k) { return this.data[k]; }
  set(k, v) { this.data[k] = v; try { fs.mkdirSync(path.dirname(this.file), { recursive: true }); fs.writeFileSync(this.file, JSON.stringify(this.data, null, 2)); } catch {} }
}
module.exports = { Conf };
