'use strict';
const fs = require('fs');
const path = require('path');

function readJSON(p) { return JSON.parse(fs.readFileSync(p, 'utf8')); }

function findWorkspaces(root) {
  const pkg = readJSON(path.join(root, 'package.json'));
  const globs = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces && pkg.workspaces.packages) || [];
  const out = [];
  for (const g of globs) {
    const base = path.join(root, g.replace(/\/\*+$/, ''));
    if (!fs.existsSync(base)) continue;
    for (const d of fs.readdirSync(base)) {
      const pj = path.join(base, d, 'package.json');
      if (fs.existsSync(pj)) out.push(pj);
    }
  }
  return out;
}

function sync(root, { dryRun = false } = {}) {
  const files = findWorkspaces(root);
  const versions = new Map(files.map((f) => { const p = readJSON(f); return [p.name, p.version]; }));
  const changes = [];
  for (const f of files) {
    const p = readJSON(f);
    let dirty = false;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = p[field] || {};
      for (const name of Object.keys(deps)) {
        if (versions.has(name) && deps[name] !== '^' + versions.get(name)) {
          changes.push({ file: f, name, from: deps[name], to: '^' + versions.get(name) });
          deps[name] = '^' + versions.get(name);
          dirty = true;
        }
      }
    }
    if (dirty && !dryRun) fs.writeFileSync(f, JSON.stringify(p, null, 2) + '\n');
  }
  return changes;
}

module.exports = { sync, findWorkspaces };
