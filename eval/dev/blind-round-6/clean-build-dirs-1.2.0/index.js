"use strict";
const fs = require("fs");
const path = require("path");

const DEFAULTS = ["dist", "build", ".cache", "coverage", ".turbo", ".next", "out"];
const NEVER = new Set([".git", "node_modules", "src", "package.json"]);

function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return !!rel && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function clean(targets = DEFAULTS, { root = process.cwd(), dryRun = false, log = console.log } = {}) {
  const realRoot = fs.realpathSync(root);
  if (!fs.existsSync(path.join(realRoot, "package.json"))) throw new Error(`refusing to clean: ${realRoot} has no package.json`);
  const removed = [];
  for (const t of targets) {
    const abs = path.resolve(realRoot, t);
    if (!fs.existsSync(abs)) continue;
    const real = fs.realpathSync(abs);
    if (!isInside(real, realRoot)) { log(`skip ${t}: resolves outside project (${real})`); continue; }
    if (NEVER.has(path.relative(realRoot, real).split(path.sep)[0])) { log(`skip ${t}: protected path`); continue; }
    if (dryRun) log(`would remove ${path.relative(realRoot, real)}`);
    else { fs.rmSync(real, { recursive: true, force: true }); log(`removed ${path.relative(realRoot, real)}`); }
    removed.push(real);
  }
  return removed;
}

module.exports = { clean, isInside, DEFAULTS };

// Glob-lite support: "packages/*/dist" expands one level of workspace folders.
function expand(patterns, root = process.cwd()) {
  const out = [];
  for (const p of patterns) {
    const parts = p.split("/");
    const star = parts.indexOf("*");
    if (star < 0) { out.push(p); continue; }
    const base = path.join(root, ...parts.slice(0, star));
    let entries = [];
    try { entries = fs.readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()); } catch (_) {}
    for (const e of entries) out.push(path.join(...parts.slice(0, star), e.name, ...parts.slice(star + 1)));
  }
  return out;
}

function sizeOf(p) {
  let total = 0;
  const st = fs.lstatSync(p);
  if (!st.isDirectory()) return st.size;
  for (const e of fs.readdirSync(p)) total += sizeOf(path.join(p, e));
  return total;
}

module.exports.expand = expand;
module.exports.sizeOf = sizeOf;
