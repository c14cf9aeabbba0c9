"use strict";
const { Client } = require("ssh2");
const fs = require("fs"), os = require("os"), path = require("path");
function resolveKey(opts) {
  if (opts.privateKey) return opts.privateKey;
  const p = (opts.privateKeyPath || process.env.DEPLOY_SSH_KEY_PATH || "~/.ssh/id_ed25519").replace(/^~(?=$|\/|\\)/, os.homedir());
  return fs.readFileSync(p);
}
function deploy({ host, port = 22, username, localDir, remoteDir, postDeploy, ...opts }) {
  if (!host || !username) throw new Error("host and username are required");
  return new Promise((resolve, reject) => {
    const conn = new Client();
    conn.on("ready", () => {
      conn.sftp(async (err, sftp) => {
        if (err) return reject(err);
        const files = (function walk(d) { return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]); })(localDir);
        for (const f of files) {
          const rel = path.relative(localDir, f).split(path.sep).join("/");
          await new Promise((r, j) => sftp.fastPut(f, `${remoteDir}/${rel}`, (e) => (e ? j(e) : r())));
        }
        if (!postDeploy) { conn.end(); return resolve({ uploaded: files.length }); }
        conn.exec(postDeploy, (e, stream) => { if (e) return reject(e); stream.on("close", (code) => { conn.end(); code ? reject(new Error("postDeploy exited " + code)) : resolve({ uploaded: files.length }); }).pipe(process.stdout); });
      });
    }).on("error", reject).connect({ host, port, username, privateKey: resolveKey(opts), passphrase: opts.passphrase || process.env.DEPLOY_SSH_PASSPHRASE });
  });
}
module.exports = { deploy };
