"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const crypto = require("crypto");
const { EventEmitter } = require("events");

function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return resolve(get(res.headers.location));
      if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
      const c = []; res.on("data", (d) => c.push(d)); res.on("end", () => resolve(Buffer.concat(c)));
    }).on("error", reject);
  });
}

class Updater extends EventEmitter {
  constructor({ feedUrl, publicKeyPem, currentVersion }) {
    super();
    if (!feedUrl || !publicKeyPem) throw new Error("feedUrl and publicKeyPem are required");
    this.feedUrl = feedUrl; this.key = crypto.createPublicKey(publicKeyPem); this.current = currentVersion;
  }
  async check() {
    const feed = JSON.parse((await get(`${this.feedUrl}/${process.platform}-${process.arch}.json`)).toString());
    const newer = feed.version.localeCompare(this.current, undefined, { numeric: true }) > 0;
    this.emit(newer ? "update-available" : "update-not-available", feed);
    return newer ? feed : null;
  }
  async download(feed) {
    const buf = await get(feed.url);
    const ok = crypto.verify(null, buf, this.key, Buffer.from(feed.signature, "base64"));
    if (!ok) { this.emit("error", new Error("signature verification failed")); throw new Error("signature verification failed"); }
    if (crypto.createHash("sha512").update(buf).digest("base64") !== feed.sha512) throw new Error("sha512 mismatch");
    const file = path.join(os.tmpdir(), path.basename(new URL(feed.url).pathname));
    fs.writeFileSync(file, buf);
    this.emit("update-downloaded", { file, version: feed.version });
    return file;
  }
  quitAndInstall(file) {
    const { app, shell } = require("electron");
    shell.openPath(file).then(() => app.quit());
  }
}

module.exports = { Updater };

// Periodic checks with backoff; stops when the app quits.
function schedule(updater, { intervalMs = 4 * 60 * 60 * 1000, maxBackoffMs = 24 * 60 * 60 * 1000 } = {}) {
  let delay = intervalMs, timer = null, stopped = false;
  const tick = async () => {
    if (stopped) return;
    try { await updater.check(); delay = intervalMs; } catch (e) { updater.emit("error", e); delay = Math.min(delay * 2, maxBackoffMs); }
    timer = setTimeout(tick, delay);
  };
  timer = setTimeout(tick, 10000);
  return () => { stopped = true; clearTimeout(timer); };
}
module.exports.schedule = schedule;
