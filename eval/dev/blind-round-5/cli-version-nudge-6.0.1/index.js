"use strict";
const https = require("https"), fs = require("fs"), os = require("os"), path = require("path");
const { spawn } = require("child_process");
const DAY = 864e5;
function cacheFile(name) { return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "cli-version-nudge", name.replace(/\//g, "__") + ".json"); }
function cmp(a, b) { const pa = a.split(/[.-]/).map(Number), pb = b.split(/[.-]/).map(Number); for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0); return 0; }
function registry() { return (process.env.npm_config_registry || "https://registry.npmjs.org").replace(/\/$/, ""); }
function fetchLatest(name) {
  return new Promise((res) => {
    const u = new URL(registry() + "/" + name.replace("/", "%2F") + "/latest");
    https.get(u, { headers: { accept: "application/json" }, timeout: 3000 }, (r) => { let d = ""; r.on("data", (c) => (d += c)); r.on("end", () => { try { res(JSON.parse(d).version); } catch (e) { res(null); } }); }).on("error", () => res(null));
  });
}
function notify({ pkg, interval = DAY }) {
  if (process.env.NO_UPDATE_NOTIFIER || process.env.CI || !process.stdout.isTTY) return;
  const f = cacheFile(pkg.name);
  let c = {}; try { c = JSON.parse(fs.readFileSync(f, "utf8")); } catch (e) {}
  if (c.latest && cmp(c.latest, pkg.version) > 0) process.on("exit", () => console.error(`\n  Update available ${pkg.version} → ${c.latest}\n  Run npm i -g ${pkg.name} to update\n`));
  if (!c.checked || Date.now() - c.checked > interval) {
    // check in a detached child so the CLI never waits on the network
    const child = spawn(process.execPath, [__filename, "--check", pkg.name, f], { detached: true, stdio: "ignore" });
    child.unref();
  }
}
if (require.main === module && process.argv[2] === "--check") {
  const [, , , name, f] = process.argv;
  fetchLatest(name).then((v) => { if (!v) return; fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, JSON.stringify({ latest: v, checked: Date.now() })); });
}
module.exports = { notify, fetchLatest };
