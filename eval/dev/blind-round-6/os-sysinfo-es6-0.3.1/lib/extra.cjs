"use strict";
// Disk, network and process helpers (no native dependencies).
const os = require("os");
const fs = require("fs");
const { execFile } = require("child_process");

function run(cmd, args) {
  return new Promise((resolve) => execFile(cmd, args, { timeout: 3000 }, (err, out) => resolve(err ? "" : String(out))));
}

async function disks() {
  if (process.platform === "win32") {
    const out = await run("wmic", ["logicaldisk", "get", "Caption,FreeSpace,Size", "/format:csv"]);
    return out.split(/\r?\n/).slice(1).filter((l) => l.includes(",")).map((l) => {
      const [, cap, free, size] = l.split(","); return { mount: cap, free: +free, size: +size };
    }).filter((d) => d.size > 0);
  }
  const out = await run("df", ["-kP"]);
  return out.split("\n").slice(1).filter(Boolean).map((l) => l.split(/\s+/)).filter((c) => c[0].startsWith("/"))
    .map((c) => ({ fs: c[0], size: +c[1] * 1024, used: +c[2] * 1024, free: +c[3] * 1024, mount: c[5] }));
}

function network() {
  const out = [];
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs || []) if (!a.internal) out.push({ iface: name, family: a.family, address: a.address, mac: a.mac });
  }
  return out;
}

function processInfo() {
  const mu = process.memoryUsage();
  return { pid: process.pid, node: process.version, uptime: process.uptime(), rss: mu.rss, heapUsed: mu.heapUsed, cwd: process.cwd() };
}

function isContainer() {
  try { if (fs.existsSync("/.dockerenv")) return true; return /docker|kubepods|containerd/.test(fs.readFileSync("/proc/1/cgroup", "utf8")); } catch (_) { return false; }
}

module.exports = { disks, network, processInfo, isContainer };
