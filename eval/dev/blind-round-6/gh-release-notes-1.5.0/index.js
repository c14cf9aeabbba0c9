"use strict";
const https = require("https");

function api(method, path, token, body, host = process.env.GITHUB_API_HOST || "api.github.example.com") {
  return new Promise((resolve, reject) => {
    const req = https.request({ host, path, method, headers: { authorization: `Bearer ${token}`, "user-agent": "gh-release-notes", accept: "application/vnd.github+json", "content-type": "application/json" } }, (res) => {
      let b = ""; res.on("data", (c) => (b += c));
      res.on("end", () => (res.statusCode >= 400 ? reject(new Error(`${method} ${path}: ${res.statusCode} ${b}`)) : resolve(b ? JSON.parse(b) : null)));
    });
    req.on("error", reject); req.end(body ? JSON.stringify(body) : undefined);
  });
}

function group(prs) {
  const sections = { "Features": [], "Fixes": [], "Other": [] };
  for (const pr of prs) {
    const labels = pr.labels.map((l) => l.name);
    const s = labels.includes("feature") || /^feat/.test(pr.title) ? "Features" : labels.includes("bug") || /^fix/.test(pr.title) ? "Fixes" : "Other";
    sections[s].push(`- ${pr.title} (#${pr.number}) @${pr.user.login}`);
  }
  return Object.entries(sections).filter(([, l]) => l.length).map(([s, l]) => `## ${s}\n${l.join("\n")}`).join("\n\n");
}

async function release({ repo, tag, since, token = process.env.GITHUB_TOKEN, draft = true }) {
  if (!token) throw new Error("GITHUB_TOKEN is required");
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error("repo must be owner/name");
  const prs = (await api("GET", `/repos/${repo}/pulls?state=closed&per_page=100&sort=updated&direction=desc`, token))
    .filter((p) => p.merged_at && (!since || new Date(p.merged_at) > new Date(since)));
  const body = group(prs);
  return api("POST", `/repos/${repo}/releases`, token, { tag_name: tag, name: tag, body, draft });
}

module.exports = { release, group, api };

// Compute the next tag from the latest release and PR labels (semver-ish).
async function nextTag(repo, token = process.env.GITHUB_TOKEN) {
  let latest = "v0.0.0";
  try { latest = (await api("GET", `/repos/${repo}/releases/latest`, token)).tag_name; } catch (_) {}
  const prs = await api("GET", `/repos/${repo}/pulls?state=closed&per_page=50`, token);
  const labels = new Set(prs.filter((p) => p.merged_at).flatMap((p) => p.labels.map((l) => l.name)));
  const [maj, min, pat] = latest.replace(/^v/, "").split(".").map(Number);
  if (labels.has("breaking")) return `v${maj + 1}.0.0`;
  if (labels.has("feature")) return `v${maj}.${min + 1}.0`;
  return `v${maj}.${min}.${pat + 1}`;
}

module.exports.nextTag = nextTag;
