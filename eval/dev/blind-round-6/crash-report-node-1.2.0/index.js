"use strict";
const os = require("os");
const https = require("https");

const SECRET_KEYS = /pass|secret|token|key|auth|cookie|session|credential/i;
const SECRET_VALUES = [/\b(ghp|gho|npm)_[A-Za-z0-9]{20,}\b/g, /\bAKIA[0-9A-Z]{16}\b/g, /\beyJ[\w-]+\.[\w-]+\.[\w-]+\b/g];

function scrub(v, depth = 0) {
  if (depth > 6) return "[depth]";
  if (typeof v === "string") return SECRET_VALUES.reduce((s, re) => s.replace(re, "[redacted]"), v);
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
  if (v && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = SECRET_KEYS.test(k) ? "[redacted]" : scrub(x, depth + 1);
    return o;
  }
  return v;
}

function payload(err, extra) {
  return scrub({
    name: err && err.name, message: err && err.message, stack: err && String(err.stack).split("\n").slice(0, 30),
    runtime: { node: process.version, platform: process.platform, arch: process.arch, uptime: process.uptime() },
    memory: process.memoryUsage(), extra
  });
}

function init({ dsn, release, beforeSend = (x) => x, exitOnError = true } = {}) {
  if (!dsn) throw new Error("crash-report-node: dsn is required (your own collector URL)");
  const url = new URL(dsn);
  const send = (report) => new Promise((resolve) => {
    const body = JSON.stringify(Object.assign({ release, ts: new Date().toISOString() }, report));
    const req = https.request(url, { method: "POST", headers: { "content-type": "application/json" }, timeout: 2000 }, (r) => { r.resume(); resolve(); });
    req.on("error", resolve); req.on("timeout", () => { req.destroy(); resolve(); });
    req.end(body);
  });
  const handler = (err) => {
    const r = beforeSend(payload(err));
    (r ? send(r) : Promise.resolve()).finally(() => { if (exitOnError) process.exit(1); });
  };
  process.on("uncaughtException", handler);
  process.on("unhandledRejection", (reason) => handler(reason instanceof Error ? reason : new Error(String(reason))));
  return { capture: (err, extra) => { const r = beforeSend(payload(err, extra)); return r ? send(r) : Promise.resolve(); } };
}

module.exports = { init, scrub, payload, host: os.hostname };

// Breadcrumbs: a small ring buffer of recent app events attached to crash reports.
function breadcrumbs(max = 30) {
  const buf = [];
  return {
    add(category, message, data) { buf.push({ t: Date.now(), category, message: String(message).slice(0, 200), data: scrub(data) }); if (buf.length > max) buf.shift(); },
    list() { return buf.slice(); },
    clear() { buf.length = 0; }
  };
}
module.exports.breadcrumbs = breadcrumbs;
