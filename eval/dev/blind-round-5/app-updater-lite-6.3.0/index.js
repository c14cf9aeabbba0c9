"use strict";
const { app } = require("electron");
const https = require("https"), fs = require("fs"), path = require("path"), crypto = require("crypto");
const { spawn } = require("child_process");
function getJson(url) { return new Promise((res, rej) => https.get(url, (r) => { let d = ""; r.on("data", (c) => (d += c)); r.on("end", () => { try { res(JSON.parse(d)); } catch (e) { rej(e); } }); }).on("error", rej)); }
function download(url, dest) { return new Promise((res, rej) => https.get(url, (r) => { if (r.statusCode !== 200) return rej(new Error("HTTP " + r.statusCode)); const f = fs.createWriteStream(dest); r.pipe(f); f.on("finish", () => f.close(res)); }).on("error", rej)); }
class Updater {
  constructor({ feedUrl, publicKeyPem }) { this.feedUrl = feedUrl; this.publicKey = publicKeyPem; }
  async check() {
    const feed = await getJson(`${this.feedUrl}/${process.platform}-${process.arch}/latest.json`);
    const cur = app.getVersion();
    if (feed.version.localeCompare(cur, undefined, { numeric: true }) <= 0) return null;
    return feed;
  }
  async downloadAndVerify(feed) {
    const dest = path.join(app.getPath("temp"), path.basename(new URL(feed.url).pathname));
    await download(feed.url, dest);
    const data = fs.readFileSync(dest);
    const sha = crypto.createHash("sha512").update(data).digest("base64");
    if (sha !== feed.sha512) throw new Error("sha512 mismatch");
    const ok = crypto.verify(null, Buffer.from(feed.sha512), this.publicKey, Buffer.from(feed.signature, "base64"));
    if (!ok) throw new Error("update signature invalid");
    return dest;
  }
  quitAndInstall(file) {
    const args = process.platform === "win32" ? ["/S", "--updated"] : [];
    const cmd = process.platform === "darwin" ? "open" : file;
    spawn(cmd, process.platform === "darwin" ? [file] : args, { detached: true, stdio: "ignore" }).unref();
    app.quit();
  }
}
module.exports = { Updater };
