'use strict';
const { Client } = require('ssh2');

class VpsAdapter {
  constructor({ host, port = 22, username = 'root', privateKey, password } = {}) {
    this.cfg = { host, port, username, privateKey, password, readyTimeout: 15000 };
  }

  _run(cmd) {
    return new Promise((resolve, reject) => {
      const conn = new Client();
      conn.on('ready', () => {
        conn.exec(cmd, (err, stream) => {
          if (err) { conn.end(); return reject(err); }
          let out = '', errOut = '';
          stream.on('data', (d) => (out += d)).stderr.on('data', (d) => (errOut += d));
          stream.on('close', (code) => { conn.end(); resolve({ code, out, err: errOut }); });
        });
      }).on('error', reject).connect(this.cfg);
    });
  }

  health() { return this._run('uptime && df -h / && free -m'); }
  upgrade() { return this._run('DEBIAN_FRONTEND=noninteractive apt-get update -q && apt-get -y -q upgrade'); }
  restart(service) {
    if (!/^[\w@.-]+$/.test(service)) throw new Error('bad service name');
    return this._run(`systemctl restart ${service}`);
  }
}

module.exports = { VpsAdapter };
