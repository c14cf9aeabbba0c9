'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { EventEmitter } = require('events');

class AsarUpdater extends EventEmitter {
  constructor({ app, feedUrl, publicKey, fetch: f = globalThis.fetch }) {
    super();
    if (!app || !feedUrl || !publicKey) throw new Error('app, feedUrl and publicKey are required');
    this.app = app; this.feedUrl = feedUrl; this.fetch = f;
    this.publicKey = crypto.createPublicKey(publicKey);
    this.asarPath = path.join(process.resourcesPath || path.dirname(app.getAppPath()), 'app.asar');
    this.pending = null;
  }

  async check() {
    const res = await this.fetch(`${this.feedUrl.replace(/\/$/, '')}/latest.json`, { cache: 'no-store' });
    const manifest = await res.json();
    if (!manifest.version || manifest.version === this.app.getVersion()) { this.emit('update-not-available'); return null; }
    this.emit('update-available', manifest);
    return manifest;
  }

  async download(manifest) {
    const res = await this.fetch(manifest.url);
    if (!res.ok) throw new Error(`download failed ${res.status}`);
    const buf = Buffer.from(await res.arrayBuffer());
    const sha512 = crypto.createHash('sha512').update(buf).digest('base64');
    if (sha512 !== manifest.sha512) throw new Error('sha512 mismatch');
    const ok = crypto.verify(null, Buffer.from(`${manifest.version}\n${sha512}`), this.publicKey, Buffer.from(manifest.signature, 'base64'));
    if (!ok) throw new Error('signature verification failed');
    const tmp = this.asarPath + '.new';
    fs.writeFileSync(tmp, buf);
    this.pending = tmp;
    this.emit('update-downloaded', manifest);
    return tmp;
  }

  quitAndInstall() {
    if (!this.pending) return;
    this.app.once('will-quit', () => {
      // original-fs is required because Electron's fs treats .asar files as directories
      const ofs = require('original-fs');
      ofs.renameSync(this.asarPath, this.asarPath + '.old');
      ofs.renameSync(this.pending, this.asarPath);
    });
    this.app.relaunch();
    this.app.quit();
  }
}

module.exports = { AsarUpdater };
