"use strict";
// Option parsing and post-create steps for the scaffolder.
const { execFileSync } = require("child_process");

function parse(argv) {
  const opts = { name: null, git: true, install: false, pm: "npm" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--no-git") opts.git = false;
    else if (a === "--install") opts.install = true;
    else if (a === "--pm") opts.pm = argv[++i];
    else if (!a.startsWith("-") && !opts.name) opts.name = a;
  }
  if (!["npm", "pnpm", "yarn"].includes(opts.pm)) throw new Error("--pm must be npm, pnpm or yarn");
  return opts;
}

function postCreate(dest, opts, log = console.log) {
  if (opts.git) {
    try { execFileSync("git", ["init", "-q"], { cwd: dest }); execFileSync("git", ["add", "-A"], { cwd: dest }); log("initialised git repository"); }
    catch (_) { log("git not available; skipped git init"); }
  }
  if (opts.install) execFileSync(opts.pm, ["install"], { cwd: dest, stdio: "inherit" });
}

module.exports = { parse, postCreate };
