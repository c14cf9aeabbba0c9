#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const MARK = "# managed by git-hooks-lite";
const HOOKS = ["pre-commit", "commit-msg", "pre-push", "post-merge", "post-checkout"];

function projectRoot() { return process.env.INIT_CWD || process.cwd(); }

function gitDir(root) {
  try { return path.resolve(root, execFileSync("git", ["rev-parse", "--git-dir"], { cwd: root, encoding: "utf8" }).trim()); } catch { return null; }
}

function install(root = projectRoot()) {
  if (process.env.CI || process.env.GIT_HOOKS_LITE_SKIP) return;
  let pkg; try { pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")); } catch { return; }
  const cfg = pkg.gitHooks; if (!cfg || typeof cfg !== "object") return;
  const dir = gitDir(root); if (!dir) return;
  const hooksDir = path.join(dir, "hooks"); fs.mkdirSync(hooksDir, { recursive: true });
  for (const name of HOOKS) {
    const target = path.join(hooksDir, name);
    const existing = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
    if (existing && !existing.includes(MARK)) { console.warn(`git-hooks-lite: ${name} exists and is not managed; leaving it alone`); continue; }
    if (!cfg[name]) { if (existing) fs.unlinkSync(target); continue; }
    fs.writeFileSync(target, `#!/bin/sh\n${MARK}\n${cfg[name]}\n`, { mode: 0o755 });
    console.log(`git-hooks-lite: installed ${name}`);
  }
}

function uninstall(root = projectRoot()) {
  const dir = gitDir(root); if (!dir) return;
  for (const name of HOOKS) { const t = path.join(dir, "hooks", name); try { if (fs.readFileSync(t, "utf8").includes(MARK)) fs.unlinkSync(t); } catch (_) {} }
}

if (require.main === module) {
  const cmd = process.argv[2];
  if (cmd === "install") install(); else if (cmd === "uninstall") uninstall(); else console.log("usage: git-hooks-lite install|uninstall");
}

module.exports = { install, uninstall };

// Lists managed hooks and their commands (used by `git-hooks-lite status`).
function status(root = projectRoot()) {
  const dir = gitDir(root); if (!dir) return [];
  return HOOKS.map((name) => {
    const p = path.join(dir, "hooks", name);
    let content = null; try { content = fs.readFileSync(p, "utf8"); } catch (_) {}
    return { name, installed: !!content, managed: !!content && content.includes(MARK), command: content ? content.split("\n").slice(2).join("\n").trim() : null };
  });
}
module.exports.status = status;
