"use strict";
// Resolves auth the same way the errtrack CLI does: flag > env > project .errtrackrc > ~/.errtrackrc
const fs = require("fs"), os = require("os"), path = require("path");
function parseIni(s) { const o = {}; let sec = ""; for (const line of s.split(/\r?\n/)) { const t = line.trim(); if (!t || t[0] === "#" || t[0] === ";") continue; const m = /^\[(.+)\]$/.exec(t); if (m) { sec = m[1] + "."; continue; } const i = t.indexOf("="); if (i > 0) o[sec + t.slice(0, i).trim()] = t.slice(i + 1).trim(); } return o; }
function readRc(p) { try { return parseIni(fs.readFileSync(p, "utf8")); } catch (e) { return {}; } }
function loadConfig(flags = {}) {
  const home = readRc(path.join(os.homedir(), ".errtrackrc"));
  const proj = readRc(path.join(process.cwd(), ".errtrackrc"));
  const rc = { ...home, ...proj };
  return {
    authToken: flags.authToken || process.env.ERRTRACK_AUTH_TOKEN || rc["auth.token"],
    org: flags.org || process.env.ERRTRACK_ORG || rc["defaults.org"],
    project: flags.project || process.env.ERRTRACK_PROJECT || rc["defaults.project"],
    url: (flags.url || process.env.ERRTRACK_URL || rc["defaults.url"] || "https://api.errtrack.example.com").replace(/\/$/, ""),
  };
}
module.exports = { loadConfig };
