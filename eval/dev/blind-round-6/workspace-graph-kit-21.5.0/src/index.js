"use strict";
const fs = require("fs");
const path = require("path");

function readJson(p) { try { return JSON.parse(fs.readFileSync(p, "utf8")); } catch { return null; } }

function findProjects(root) {
  const rootPkg = readJson(path.join(root, "package.json")) || {};
  const globs = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : (rootPkg.workspaces && rootPkg.workspaces.packages) || ["packages/*"];
  const out = [];
  for (const g of globs) {
    const base = path.join(root, g.replace(/\/\*+$/, ""));
    if (!fs.existsSync(base)) continue;
    for (const d of fs.readdirSync(base)) {
      const pkg = readJson(path.join(base, d, "package.json"));
      if (pkg && pkg.name) out.push({ name: pkg.name, root: path.join(base, d), pkg });
    }
  }
  return out;
}

function createGraph(root = process.cwd()) {
  const projects = findProjects(root);
  const names = new Set(projects.map((p) => p.name));
  const nodes = {}; const deps = {};
  for (const p of projects) {
    nodes[p.name] = { name: p.name, root: path.relative(root, p.root), version: p.pkg.version };
    const all = Object.assign({}, p.pkg.dependencies, p.pkg.devDependencies, p.pkg.peerDependencies);
    deps[p.name] = Object.keys(all).filter((d) => names.has(d)).map((target) => ({ source: p.name, target }));
  }
  return { nodes, dependencies: deps };
}

function topoSort(graph) {
  const seen = new Set(); const temp = new Set(); const order = [];
  const visit = (n) => {
    if (seen.has(n)) return;
    if (temp.has(n)) throw new Error("cycle at " + n);
    temp.add(n);
    for (const e of graph.dependencies[n] || []) visit(e.target);
    temp.delete(n); seen.add(n); order.push(n);
  };
  Object.keys(graph.nodes).forEach(visit);
  return order;
}

function affected(graph, changed) {
  const rev = {};
  for (const [src, es] of Object.entries(graph.dependencies)) for (const e of es) (rev[e.target] = rev[e.target] || []).push(src);
  const out = new Set(changed); const q = [...changed];
  while (q.length) { const n = q.shift(); for (const r of rev[n] || []) if (!out.has(r)) { out.add(r); q.push(r); } }
  return [...out];
}

module.exports = { createGraph, topoSort, affected, findProjects };
