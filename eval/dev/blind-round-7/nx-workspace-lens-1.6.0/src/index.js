'use strict';
const fs = require('fs');
const path = require('path');

function loadProjects(root) {
  const projects = {};
  const walk = (dir, depth) => {
    if (depth > 4) return;
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!ent.isDirectory() || ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
      const full = path.join(dir, ent.name);
      const pj = path.join(full, 'project.json');
      if (fs.existsSync(pj)) {
        const cfg = JSON.parse(fs.readFileSync(pj, 'utf8'));
        projects[cfg.name || ent.name] = { root: path.relative(root, full), targets: Object.keys(cfg.targets || {}), implicitDependencies: cfg.implicitDependencies || [] };
      }
      walk(full, depth + 1);
    }
  };
  walk(root, 0);
  return projects;
}

function affected(projects, changedFiles) {
  const hit = new Set();
  for (const [name, p] of Object.entries(projects)) {
    if (changedFiles.some((f) => f.startsWith(p.root + '/'))) hit.add(name);
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, p] of Object.entries(projects)) {
      if (!hit.has(name) && p.implicitDependencies.some((d) => hit.has(d))) { hit.add(name); grew = true; }
    }
  }
  return [...hit].sort();
}

module.exports = { loadProjects, affected };
