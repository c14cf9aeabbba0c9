"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.affected = exports.projectGraph = void 0;
const fs = require("fs");
const path = require("path");
const child_process_1 = require("child_process");
function readJson(p) {
    return JSON.parse(fs.readFileSync(p, "utf8"));
}
function projectGraph(root = process.cwd()) {
    const nodes = {};
    const dirs = ["packages", "apps", "libs"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
    for (const dir of dirs) {
        for (const name of fs.readdirSync(dir)) {
            const pj = path.join(dir, name, "package.json");
            if (!fs.existsSync(pj))
                continue;
            const pkg = readJson(pj);
            nodes[pkg.name] = { root: path.relative(root, path.dirname(pj)), deps: Object.keys(Object.assign(Object.assign({}, pkg.dependencies), pkg.devDependencies)) };
        }
    }
    for (const n of Object.values(nodes))
        n.deps = n.deps.filter((d) => d in nodes);
    return nodes;
}
exports.projectGraph = projectGraph;
function affected(base = "origin/main", root = process.cwd()) {
    const graph = projectGraph(root);
    const changed = (0, child_process_1.execFileSync)("git", ["diff", "--name-only", `${base}...HEAD`], { cwd: root }).toString().split("\n").filter(Boolean);
    const hit = new Set(Object.entries(graph).filter(([, n]) => changed.some((f) => f.startsWith(n.root + "/"))).map(([k]) => k));
    let grew = true;
    while (grew) {
        grew = false;
        for (const [name, n] of Object.entries(graph)) {
            if (!hit.has(name) && n.deps.some((d) => hit.has(d))) {
                hit.add(name);
                grew = true;
            }
        }
    }
    return [...hit].sort();
}
exports.affected = affected;
