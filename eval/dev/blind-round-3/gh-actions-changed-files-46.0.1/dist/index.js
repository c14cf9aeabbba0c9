"use strict";
const { execFileSync } = require("child_process");
function git(args, cwd) { return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 32 << 20 }).trim(); }
function resolveBase({ base, cwd } = {}) {
  if (base) return base;
  if (process.env.GITHUB_BASE_REF) return `origin/${process.env.GITHUB_BASE_REF}`;
  try { return git(["merge-base", "HEAD", "origin/HEAD"], cwd); } catch (e) { return "HEAD~1"; }
}
function changedFiles(opts = {}) {
  const base = resolveBase(opts);
  const out = git(["diff", "--name-status", "-M", `${base}...HEAD`], opts.cwd);
  const res = { added: [], modified: [], deleted: [], renamed: [] };
  for (const line of out.split("\n").filter(Boolean)) {
    const [st, a, b] = line.split("\t");
    if (st === "A") res.added.push(a); else if (st === "D") res.deleted.push(a);
    else if (st[0] === "R") res.renamed.push({ from: a, to: b }); else res.modified.push(a);
  }
  if (opts.filter) { const re = new RegExp(opts.filter); for (const k of ["added", "modified", "deleted"]) res[k] = res[k].filter(f => re.test(f)); }
  return res;
}
module.exports = { changedFiles, resolveBase };
