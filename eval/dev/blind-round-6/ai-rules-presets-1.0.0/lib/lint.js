"use strict";
// Lints agent instruction files for risky patterns before they are committed.
const fs = require("fs");
const path = require("path");

const RULES = [
  { id: "invisible-unicode", re: /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|[\u{e0000}-\u{e007f}]/u, msg: "contains invisible or bidi control characters" },
  { id: "pipe-to-shell", re: /\b(curl|wget|iwr|Invoke-WebRequest)\b[^\n|]*\|\s*(ba|z)?sh\b|\|\s*iex\b/i, msg: "instructs piping a download into a shell" },
  { id: "html-comment", re: /<!--[\s\S]*?-->/, msg: "contains an HTML comment (hidden when rendered)" },
  { id: "secrecy", re: /\b(do not|don't|never)\s+(tell|mention|inform|show)\b[^.]*\buser\b/i, msg: "asks the agent to hide actions from the user" },
  { id: "remote-dependency", re: /https?:\/\/[^\s"']+\.tgz/i, msg: "references a remote tarball dependency" },
  { id: "credential-path", re: /(~|\$HOME)\/\.(ssh|aws|npmrc|config\/gcloud)/i, msg: "mentions credential locations" }
];

function lintText(text) {
  const findings = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => { for (const r of RULES) if (r.re.test(line)) findings.push({ rule: r.id, line: i + 1, message: r.msg }); });
  const whole = RULES.find((r) => r.id === "html-comment");
  if (whole.re.test(text) && !findings.some((f) => f.rule === "html-comment")) findings.push({ rule: "html-comment", line: 0, message: whole.msg });
  return findings;
}

function lintDir(dir = process.cwd(), files = ["AGENTS.md", ".cursorrules", "CLAUDE.md", ".github/copilot-instructions.md"]) {
  const out = {};
  for (const f of files) { const p = path.join(dir, f); if (fs.existsSync(p)) out[f] = lintText(fs.readFileSync(p, "utf8")); }
  return out;
}

module.exports = { lintText, lintDir, RULES };
