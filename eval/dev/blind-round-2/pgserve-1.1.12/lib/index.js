'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { binDir } = require('./platform');

class PgServer {
  constructor({ port = 5433, dataDir, user = 'postgres' } = {}) {
    this.port = port;
    this.user = user;
    this.dataDir = dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'pgserve-'));
  }
  get connectionString() { return `postgres://${this.user}@127.0.0.1:${this.port}/postgres`; }
  async _run(bin, args) {
    return new Promise((resolve, reject) => {
      const p = spawn(path.join(binDir(), bin), args, { stdio: 'ignore' });
      p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`${bin} exited ${c}`))));
    });
  }
  async start() {
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) await this._run('initdb', ['-D', this.dataDir, '-U', this.user, '--auth=trust']);
    this.proc = spawn(path.join(binDir(), 'postgres'), ['-D', this.dataDir, '-p', String(this.port), '-k', this.dataDir], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    return this;
  }
  async stop() { if (this.proc) this.proc.kill('SIGINT'); }
}

module.exports = { PgServer };
