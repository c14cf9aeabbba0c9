"use strict";
const { readFileSync, readdirSync, existsSync } = require("fs");
const { join } = require("path");
function readJson(p) { return JSON.parse(readFileSync(p, "utf8")); }
function projectGraph(root = process.cwd()) {
  const ws = readJson(join(root, "package.json")).workspaces || [];
  const dirs = ws.flatMap((g) => { const base = join(root, g.replace(/\/\*$/, "")); return existsSync(base) ? readdirSync(base).map((d) => join(base, d)) : []; });
  const nodes = {};
  for (const d of dirs) { try { const p = readJson(join(d, "package.json")); nodes[p.name] = { root: d, deps: Object.keys({ ...p.dependencies, ...p.devDependencies }) }; } catch (e) {} }
  for (const n of Object.values(nodes)) n.deps = n.deps.filter((x) => nodes[x]);
  return nodes;
}
function affected(graph, changed) { const out = new Set(changed); let grew = true; while (grew) { grew = false; for (const [k, v] of Object.entries(graph)) if (!out.has(k) && v.deps.some((d) => out.has(d))) { out.add(k); grew = true; } } return [...out]; }
module.exports = { projectGraph, affected };
