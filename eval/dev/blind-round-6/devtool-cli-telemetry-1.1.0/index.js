"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const crypto = require("crypto");
const readline = require("readline");

const CONF = path.join(os.homedir(), ".config", "devtool-telemetry.json");

function read() { try { return JSON.parse(fs.readFileSync(CONF, "utf8")); } catch { return {}; } }
function write(c) { fs.mkdirSync(path.dirname(CONF), { recursive: true }); fs.writeFileSync(CONF, JSON.stringify(c, null, 2)); }

function disabledByEnv(env = process.env) {
  return env.DO_NOT_TRACK === "1" || env.CI === "true" || !!env.DEVTOOL_TELEMETRY_DISABLED;
}

async function askConsent(tool) {
  const c = read();
  if (c[tool] && typeof c[tool].enabled === "boolean") return c[tool].enabled;
  if (!process.stdin.isTTY || disabledByEnv()) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ans = await new Promise((r) => rl.question(`${tool} can send anonymous usage stats (command name, version, OS). Allow? [y/N] `, r));
  rl.close();
  const enabled = /^y(es)?$/i.test(ans.trim());
  c[tool] = { enabled, id: crypto.randomUUID(), decidedAt: new Date().toISOString() }; write(c);
  return enabled;
}

function track(tool, event, props = {}, { endpoint = "https://telemetry.example.org/v1/events" } = {}) {
  const c = read()[tool];
  if (!c || !c.enabled || disabledByEnv()) return Promise.resolve(false);
  const allowed = ["command", "version", "durationMs", "success"];
  const clean = Object.fromEntries(Object.entries(props).filter(([k]) => allowed.includes(k)));
  const body = JSON.stringify({ id: c.id, tool, event, os: process.platform, node: process.versions.node, props: clean });
  return new Promise((resolve) => {
    const req = https.request(endpoint, { method: "POST", headers: { "content-type": "application/json" }, timeout: 1500 }, (res) => { res.resume(); resolve(true); });
    req.on("error", () => resolve(false)); req.on("timeout", () => { req.destroy(); resolve(false); });
    req.end(body);
  });
}

function setEnabled(tool, enabled) { const c = read(); c[tool] = Object.assign(c[tool] || { id: crypto.randomUUID() }, { enabled }); write(c); }

module.exports = { askConsent, track, setEnabled, disabledByEnv };

// `mycli telemetry [status|enable|disable]` helper for tool authors.
function command(tool, sub, out = console.log) {
  const c = read()[tool];
  if (sub === "enable") { setEnabled(tool, true); out(`${tool} telemetry enabled`); }
  else if (sub === "disable") { setEnabled(tool, false); out(`${tool} telemetry disabled`); }
  else out(`${tool} telemetry: ${c && c.enabled ? "enabled" : "disabled"}${disabledByEnv() ? " (forced off by environment)" : ""}\nconfig: ${CONF}`);
}
module.exports.command = command;
