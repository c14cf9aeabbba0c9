'use strict';
const path = require('path');
const os = require('os');
const fs = require('fs');
const crypto = require('crypto');
const ROOT = path.join(os.homedir(), '.metro-cache');
function keyFor(file, transformOptions) { return crypto.createHash('sha1').update(file).update(JSON.stringify(transformOptions || {})).digest('hex'); }
class MetroCacheStore {
  constructor(dir = ROOT) { this.dir = dir; fs.mkdirSync(dir, { recursive: true }); }
  get(key) { try { return JSON.parse(fs.readFileSync(path.join(this.dir, key.slice(0, 2), key), 'utf8')); } catch (e) { return null; } }
  set(key, value) { const d = path.join(this.dir, key.slice(0, 2)); fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, key), JSON.stringify(value)); }
  clear() { fs.rmSync(this.dir, { recursive: true, force: true }); fs.mkdirSync(this.dir, { recursive: true }); }
}
module.exports = { MetroCacheStore, keyFor };
