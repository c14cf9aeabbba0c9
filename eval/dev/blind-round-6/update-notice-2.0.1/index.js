"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { spawn } = require("child_process");

const INTERVAL = 24 * 60 * 60 * 1000;

function cacheFile(name) { return path.join(os.homedir(), ".cache", "update-notice", name.replace("/", "__") + ".json"); }

function cmp(a, b) {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i] ? 1 : -1;
  return 0;
}

function fetchLatest(name, registry = "https://registry.example.org") {
  return new Promise((resolve, reject) => {
    https.get(`${registry}/${encodeURIComponent(name).replace("%40", "@")}/latest`, { headers: { accept: "application/json" }, timeout: 3000 }, (res) => {
      let b = ""; res.on("data", (c) => (b += c)); res.on("end", () => { try { resolve(JSON.parse(b).version); } catch (e) { reject(e); } });
    }).on("error", reject);
  });
}

// Runs the registry check in a detached child so the CLI exits immediately.
function scheduleCheck(pkg) {
  const file = cacheFile(pkg.name);
  let c = {}; try { c = JSON.parse(fs.readFileSync(file, "utf8")); } catch (_) {}
  if (c.checkedAt && Date.now() - c.checkedAt < INTERVAL) return c;
  if (process.env.NO_UPDATE_NOTIFIER || process.env.CI) return c;
  const child = spawn(process.execPath, [__filename, pkg.name, file], { detached: true, stdio: "ignore" });
  child.unref();
  return c;
}

function notify(pkg) {
  const c = scheduleCheck(pkg);
  if (c.latest && cmp(c.latest, pkg.version) > 0 && process.stderr.isTTY) {
    process.on("exit", () => process.stderr.write(`\n  Update available ${pkg.version} → ${c.latest}\n  Run npm i -g ${pkg.name} to update\n\n`));
  }
}

if (require.main === module) {
  const [name, file] = process.argv.slice(2);
  fetchLatest(name).then((latest) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ latest, checkedAt: Date.now() }));
  }).catch(() => {});
}

module.exports = { notify, fetchLatest, cmp };
