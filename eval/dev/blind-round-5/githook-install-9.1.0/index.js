"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs"), path = require("path");
function install(dir = ".githooks") {
  if (process.env.GITHOOK_INSTALL === "0") return console.log("githook-install: skipped (GITHOOK_INSTALL=0)");
  const git = spawnSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" });
  if (git.status !== 0) return console.log("githook-install: not a git repository, skipping");
  const root = git.stdout.trim();
  const hooksDir = path.join(root, dir);
  fs.mkdirSync(path.join(hooksDir, "_"), { recursive: true });
  fs.writeFileSync(path.join(hooksDir, "_", ".gitignore"), "*\n");
  fs.writeFileSync(path.join(hooksDir, "_", "h"), '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n', { mode: 0o755 });
  for (const h of ["pre-commit", "commit-msg", "pre-push"]) fs.writeFileSync(path.join(hooksDir, "_", h), '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n', { mode: 0o755 });
  const r = spawnSync("git", ["config", "core.hooksPath", path.posix.join(dir, "_")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error("git config core.hooksPath failed: " + r.stderr);
  console.log(`githook-install: hooks path set to ${dir}/_ (add scripts like ${dir}/pre-commit)`);
}
module.exports = { install };
if (require.main === module) install(process.argv[2]);
