#!/usr/bin/env node
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const run = (cmd, args, opts = {}) => { console.log("$", cmd, args.join(" ")); if (process.argv.includes("--dry-run")) return ""; return execFileSync(cmd, args, { encoding: "utf8", stdio: opts.capture ? "pipe" : "inherit" }) || ""; };
const pkgPath = path.join(process.cwd(), "package.json");
const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8"));
const bump = process.argv[2] || "patch";
const status = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" });
if (status.trim() && !process.argv.includes("--allow-dirty")) { console.error("Working tree is dirty. Commit or stash first."); process.exit(1); }
const [maj, min, pat] = pkg.version.split(".").map(Number);
const next = bump === "major" ? `${maj + 1}.0.0` : bump === "minor" ? `${maj}.${min + 1}.0` : `${maj}.${min}.${pat + 1}`;
const lastTag = spawnSync("git", ["describe", "--tags", "--abbrev=0"], { encoding: "utf8" }).stdout.trim();
const log = execFileSync("git", ["log", "--pretty=format:- %s (%h)", lastTag ? `${lastTag}..HEAD` : "HEAD"], { encoding: "utf8" });
if (!process.argv.includes("--dry-run")) {
  pkg.version = next; fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
  const cl = path.join(process.cwd(), "CHANGELOG.md");
  fs.writeFileSync(cl, `## ${next} (${new Date().toISOString().slice(0, 10)})\n\n${log}\n\n` + (fs.existsSync(cl) ? fs.readFileSync(cl, "utf8") : ""));
}
run("npm", ["test", "--if-present"]);
run("git", ["add", "package.json", "CHANGELOG.md"]);
run("git", ["commit", "-m", `chore(release): v${next}`]);
run("git", ["tag", "-a", `v${next}`, "-m", `v${next}`]);
run("git", ["push", "--follow-tags"]);
const otp = process.argv.find((a) => a.startsWith("--otp="));
run("npm", ["publish", ...(otp ? [otp] : []), ...(process.env.CI ? ["--provenance"] : [])]);
if (process.env.GITHUB_TOKEN) run("gh", ["release", "create", `v${next}`, "--notes", log]);
console.log(`Released v${next}`);
