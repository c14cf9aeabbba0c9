"use strict";
const types = [
  { type: "feat", section: "Features", bump: "minor" },
  { type: "fix", section: "Bug Fixes", bump: "patch" },
  { type: "perf", section: "Performance", bump: "patch" },
  { type: "revert", section: "Reverts", bump: "patch" },
  { type: "docs", section: "Documentation", hidden: true },
  { type: "chore", hidden: true }, { type: "test", hidden: true }, { type: "ci", hidden: true }
];

function parseCommit(msg) {
  const m = /^(\w+)(?:\(([^)]+)\))?(!)?: (.+)$/.exec(msg.split("\n")[0]);
  if (!m) return null;
  return { type: m[1], scope: m[2], breaking: !!m[3] || /BREAKING CHANGE:/.test(msg), subject: m[4] };
}

function nextBump(commits) {
  let level = null;
  for (const c of commits.map(parseCommit).filter(Boolean)) {
    if (c.breaking) return "major";
    const t = types.find((x) => x.type === c.type);
    if (t && t.bump === "minor") level = "minor";
    else if (t && t.bump === "patch" && !level) level = "patch";
  }
  return level;
}

function changelog(version, commits) {
  const groups = {};
  for (const c of commits.map(parseCommit).filter(Boolean)) {
    const t = types.find((x) => x.type === c.type);
    if (!t || t.hidden) continue;
    (groups[t.section] = groups[t.section] || []).push(`- ${c.scope ? `**${c.scope}:** ` : ""}${c.subject}`);
  }
  return [`## ${version}`, ...Object.entries(groups).map(([s, l]) => `\n### ${s}\n\n${l.join("\n")}`)].join("\n");
}

module.exports = {
  types, parseCommit, nextBump, changelog,
  preset: { branches: ["main", { name: "next", prerelease: true }], plugins: ["@semantic-release/commit-analyzer", "@semantic-release/npm"] }
};
