'use strict';
const fs = require('fs');
const path = require('path');

function readJson(p) { return JSON.parse(fs.readFileSync(p, 'utf8')); }

function discoverProjects(root) {
  const ws = readJson(path.join(root, 'package.json')).workspaces || [];
  const globs = Array.isArray(ws) ? ws : ws.packages || [];
  const projects = {};
  for (const g of globs) {
    const base = g.replace(/\/\*.*$/, '');
    const dir = path.join(root, base);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const pj = path.join(dir, name, 'package.json');
      if (fs.existsSync(pj)) { const m = readJson(pj); projects[m.name] = { root: path.join(base, name), deps: Object.keys(Object.assign({}, m.dependencies, m.devDependencies)) }; }
    }
  }
  return projects;
}

function createProjectGraph(root = process.cwd()) {
  const projects = discoverProjects(root);
  const edges = {};
  for (const [name, p] of Object.entries(projects)) edges[name] = p.deps.filter(d => projects[d]);
  return { nodes: projects, dependencies: edges };
}

function affected(graph, changedFiles) {
  const touched = new Set();
  for (const [name, p] of Object.entries(graph.nodes)) if (changedFiles.some(f => f.startsWith(p.root + '/'))) touched.add(name);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, deps] of Object.entries(graph.dependencies)) if (!touched.has(name) && deps.some(d => touched.has(d))) { touched.add(name); grew = true; }
  }
  return [...touched];
}

function topoSort(graph) {
  const out = [], seen = new Set();
  const visit = n => { if (seen.has(n)) return; seen.add(n); (graph.dependencies[n] || []).forEach(visit); out.push(n); };
  Object.keys(graph.nodes).forEach(visit);
  return out;
}
module.exports = { createProjectGraph, affected, topoSort };
