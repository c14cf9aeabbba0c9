//! Pieces both yarn readers use: descriptor splitting, dev/optional flags from the graph,
//! workspace discovery from `package.json` globs, and the fallback importer for an
//! incomplete view of the project.

use crate::Manifest;
use diligence_graph::{DepKind, DependencyGraph, Edge, Importer, PackageId};
use std::path::{Path, PathBuf};

/// Splits a descriptor `name@range` (`@scope/name@range`) at the `@` after the name.
/// `None` when there is no range part.
pub fn split_descriptor(descriptor: &str) -> Option<(&str, &str)> {
    let at = descriptor.get(1..)?.find('@')? + 1;
    Some((&descriptor[..at], &descriptor[at + 1..]))
}

/// Sets `dev` and `optional` of every package from the importers' edge kinds, the way npm
/// defines them: `dev` when only dev edges of an importer lead to it, `optional` when every
/// path to it passes an optional edge. Packages no importer reaches keep both `false`.
pub fn mark_dev_optional(graph: &mut DependencyGraph) {
    let n = graph.packages.len();
    let is_optional = |k: DepKind| k == DepKind::Optional;
    // Package edges are never `Dev`, except those of a workspace's own node (yarn berry),
    // which mirror its importer's edges: excluding them keeps the dev side dev.
    let prod = reach(graph, |k| k != DepKind::Dev, |k| k != DepKind::Dev);
    let any = reach(graph, |_| true, |_| true);
    let required = reach(graph, |k| !is_optional(k), |k| !is_optional(k));
    for i in 0..n {
        let p = &mut graph.packages[i];
        p.dev = any[i] && !prod[i];
        p.optional = any[i] && !required[i];
    }
}

/// Reachability from importer edges accepted by `root_edge`, then through package edges
/// accepted by `inner_edge`. Peer edges never carry reachability (the parent provides them).
fn reach(
    graph: &DependencyGraph,
    root_edge: impl Fn(DepKind) -> bool,
    inner_edge: impl Fn(DepKind) -> bool,
) -> Vec<bool> {
    let mut seen = vec![false; graph.packages.len()];
    let follow = |e: &Edge, ok: &dyn Fn(DepKind) -> bool| {
        if e.kind != DepKind::Peer && ok(e.kind) {
            e.target
        } else {
            None
        }
    };
    let mut stack: Vec<PackageId> = Vec::new();
    for importer in &graph.importers {
        stack.extend(importer.package);
        stack.extend(
            importer
                .dependencies
                .iter()
                .filter_map(|e| follow(e, &root_edge)),
        );
    }
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.index()], true) {
            continue;
        }
        stack.extend(
            graph.packages[id.index()]
                .dependencies
                .iter()
                .filter_map(|e| follow(e, &inner_edge)),
        );
    }
    seen
}

/// The direct dependencies a manifest declares, as `(name, spec, kind)`: `dependencies`,
/// `devDependencies`, `optionalDependencies` (an optional entry overrides a regular one, as
/// npm and yarn do).
pub fn manifest_deps(manifest: &Manifest) -> Vec<(&str, &str, DepKind)> {
    let mut deps: Vec<(&str, &str, DepKind)> = Vec::new();
    let lists = [
        (&manifest.dependencies, DepKind::Prod),
        (&manifest.dev_dependencies, DepKind::Dev),
    ];
    for (list, kind) in lists {
        for (name, spec) in list {
            if manifest.optional_dependencies.contains_key(name) {
                continue;
            }
            deps.push((name, spec, kind));
        }
    }
    for (name, spec) in &manifest.optional_dependencies {
        deps.push((name, spec, DepKind::Optional));
    }
    deps
}

/// The `workspaces` globs of a manifest (`["packages/*"]` or `{"packages": [...]}`).
pub fn workspace_globs(manifest: &Manifest) -> Vec<String> {
    let Some(ws) = &manifest.workspaces else {
        return Vec::new();
    };
    let list = ws.get("packages").unwrap_or(ws);
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The outcome of looking for workspace manifests on disk.
#[derive(Debug, Default)]
pub struct Workspaces {
    /// `(path relative to the project folder, manifest)`, sorted by path.
    pub found: Vec<(String, Manifest)>,
    /// Globs that matched no readable `package.json` (the workspace sources are absent).
    pub missing: Vec<String>,
}

/// Expands workspace globs under `root` (the lockfile's folder) and reads each member's
/// `package.json`. Supports literal paths, `*` (one folder level, any name) and `**` (any
/// depth, at most 8 levels), which is what workspace globs use in practice. Negated globs
/// (`!x`) exclude matches. An unreadable or malformed member manifest counts as missing.
pub fn find_workspaces(root: &Path, globs: &[String]) -> Workspaces {
    let mut out = Workspaces::default();
    let excluded: Vec<&str> = globs.iter().filter_map(|g| g.strip_prefix('!')).collect();
    for glob in globs.iter().filter(|g| !g.starts_with('!')) {
        let mut dirs = Vec::new();
        expand(root, PathBuf::new(), &split_glob(glob), &mut dirs, 0);
        let mut any = false;
        for rel in dirs {
            let rel_s = rel_string(&rel);
            if excluded.iter().any(|x| split_glob(x) == split_glob(&rel_s)) {
                continue;
            }
            let Ok(Some(m)) = Manifest::read_optional(&root.join(&rel).join("package.json")) else {
                continue;
            };
            any = true;
            if !out.found.iter().any(|(p, _)| *p == rel_s) {
                out.found.push((rel_s, m));
            }
        }
        if !any {
            out.missing.push(glob.clone());
        }
    }
    out.found.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn split_glob(glob: &str) -> Vec<&str> {
    glob.split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect()
}

fn rel_string(rel: &Path) -> String {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

fn expand(root: &Path, rel: PathBuf, segments: &[&str], out: &mut Vec<PathBuf>, depth: usize) {
    let Some((first, rest)) = segments.split_first() else {
        out.push(rel);
        return;
    };
    if depth > 8 || *first == ".." {
        return;
    }
    if *first == "**" {
        expand(root, rel.clone(), rest, out, depth + 1);
        for child in subdirs(&root.join(&rel)) {
            expand(root, rel.join(&child), segments, out, depth + 1);
        }
        return;
    }
    if !first.contains('*') {
        expand(root, rel.join(first), rest, out, depth + 1);
        return;
    }
    for child in subdirs(&root.join(&rel)) {
        if wildcard_match(first, &child) {
            expand(root, rel.join(&child), rest, out, depth + 1);
        }
    }
}

fn subdirs(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "node_modules" && !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// `*` matches any run of characters within one path segment.
fn wildcard_match(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if !name.starts_with(first) || name.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &name[first.len()..];
    for mid in &parts[1..parts.len() - 1] {
        match rest.find(mid) {
            Some(i) => rest = &rest[i + mid.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// When part of the project cannot be seen (no `package.json`, or workspace folders that are
/// not present), the lockfile alone cannot tell which entries those manifests use. Rather
/// than reporting them as orphans, this adds an importer at `path` (the missing glob, or `.`)
/// that depends on every entry no other importer reaches and no other unreached entry depends
/// on (the tops of the unreached part), so that everything in the lockfile counts as
/// reachable. The edges carry the entry's first descriptor range as spec and kind `Prod`.
pub fn add_unknown_importer(graph: &mut DependencyGraph, path: &str, name: Option<String>) {
    let unreached = graph.unreachable();
    if unreached.is_empty() {
        return;
    }
    let mut in_unreached = vec![false; graph.packages.len()];
    for id in &unreached {
        in_unreached[id.index()] = true;
    }
    let mut has_parent = vec![false; graph.packages.len()];
    for id in &unreached {
        for t in graph.packages[id.index()]
            .dependencies
            .iter()
            .filter_map(|e| e.target)
        {
            if t != *id && in_unreached[t.index()] {
                has_parent[t.index()] = true;
            }
        }
    }
    let mut tops: Vec<PackageId> = unreached
        .iter()
        .copied()
        .filter(|id| !has_parent[id.index()])
        .collect();
    let edge = |g: &DependencyGraph, id: PackageId| {
        let p = g.package(id);
        let spec = p
            .key
            .split(", ")
            .next()
            .and_then(split_descriptor)
            .map_or_else(|| p.version.clone(), |(_, r)| r.to_string());
        Edge {
            name: p.name.clone(),
            spec,
            kind: DepKind::Prod,
            target: Some(id),
        }
    };
    // Members of cycles nothing else reaches have no top: add one per remaining cycle.
    let mut reached = vec![false; graph.packages.len()];
    let mut stack: Vec<PackageId> = tops.clone();
    let mut pending = unreached.iter().copied();
    loop {
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut reached[id.index()], true) {
                continue;
            }
            stack.extend(
                graph.packages[id.index()]
                    .dependencies
                    .iter()
                    .filter_map(|e| e.target),
            );
        }
        let Some(next) = pending.find(|id| !reached[id.index()]) else {
            break;
        };
        tops.push(next);
        stack.push(next);
    }
    let dependencies = tops.iter().map(|&id| edge(graph, id)).collect();
    graph.importers.push(Importer {
        path: path.to_string(),
        name,
        dependencies,
        package: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors() {
        assert_eq!(split_descriptor("a@^1"), Some(("a", "^1")));
        assert_eq!(
            split_descriptor("@s/a@npm:b@^1"),
            Some(("@s/a", "npm:b@^1"))
        );
        assert_eq!(split_descriptor("@s/a"), None);
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*", "abc"));
        assert!(wildcard_match("babel-*", "babel-core"));
        assert!(!wildcard_match("babel-*", "core"));
        assert!(wildcard_match("a*c", "abbc"));
    }
}
