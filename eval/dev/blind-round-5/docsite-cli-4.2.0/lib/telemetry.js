"use strict";
// Anonymous telemetry. Disable with `docsite telemetry disable`, DOCSITE_TELEMETRY_DISABLED=1 or DO_NOT_TRACK=1.
// Details: https://docsite.example.com/telemetry
const crypto = require("crypto"), os = require("os"), fs = require("fs"), path = require("path"), https = require("https");
const CONF_DIR = path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config"), "docsite");
const CONF = path.join(CONF_DIR, "telemetry.json");
function readConf() { try { return JSON.parse(fs.readFileSync(CONF, "utf8")); } catch (e) { return {}; } }
function writeConf(c) { fs.mkdirSync(CONF_DIR, { recursive: true }); fs.writeFileSync(CONF, JSON.stringify(c, null, 2)); }
function enabled() {
  if (process.env.DO_NOT_TRACK === "1" || process.env.DOCSITE_TELEMETRY_DISABLED) return false;
  const c = readConf();
  if (c.enabled === false) return false;
  if (!c.notified) { console.log("docsite collects anonymous usage data. Learn more: https://docsite.example.com/telemetry"); writeConf({ ...c, notified: Date.now(), anonymousId: c.anonymousId || crypto.randomUUID() }); }
  return true;
}
function projectHash(cwd) {
  let id = cwd;
  try { id = require(path.join(cwd, "package.json")).name || cwd; } catch (e) {}
  return crypto.createHash("sha256").update("docsite:" + id).digest("hex").slice(0, 16);
}
function record(event, props = {}) {
  if (!enabled()) return;
  const payload = JSON.stringify({ event, anonymousId: readConf().anonymousId, projectId: projectHash(process.cwd()), props, context: { os: os.platform(), arch: os.arch(), node: process.versions.node, cli: require("../package.json").version, ci: !!process.env.CI } });
  const req = https.request({ host: "telemetry.docsite.example.com", path: "/v1/events", method: "POST", headers: { "content-type": "application/json" }, timeout: 1500 });
  req.on("error", () => {}); req.on("timeout", () => req.destroy()); req.end(payload);
}
function setEnabled(v) { writeConf({ ...readConf(), enabled: v }); console.log(`Telemetry ${v ? "enabled" : "disabled"}.`); }
module.exports = { record, setEnabled, enabled };
