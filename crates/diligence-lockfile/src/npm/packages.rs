//! `lockfileVersion` 2 and 3: the flat `packages` map.
//!
//! Keys are install folders relative to the lockfile: `""` (the root project, whose
//! dependency maps give the root importer's specifiers), `node_modules/<name>` (possibly
//! nested), and folders outside `node_modules` (workspace members and `file:` folders). A
//! `link: true` entry is a symlink whose `resolved` names the target folder entry. An
//! aliased entry (`node_modules/string-width-cjs`) carries the real package name in `name`.

use super::json_ast::JsonDoc;
use super::{NodeModules, declared_dependencies, entry_integrity, folder_package_name, source_of};
use crate::{LockfileError, ReadContext};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Location, Package, PackageId, Source,
};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use rayon::prelude::*;
use std::collections::HashSet;

/// Entries per parallel work item: below this a lockfile is read on one thread.
const PARALLEL_CHUNK: usize = 256;

/// One entry of `packages`, kept for the second (edge) pass.
struct Entry<'v, 't> {
    id: PackageId,
    key: &'v str,
    obj: &'v Object<'t>,
    link_target: Option<&'v str>,
}

/// Reads the `packages` map into `graph`: nodes first (so every edge can resolve), then
/// edges, then importers (root, then workspaces in lockfile order).
pub(super) fn read(
    doc: &JsonDoc<'_>,
    packages_prop: &ObjectProp<'_>,
    cx: &ReadContext<'_>,
    graph: &mut DependencyGraph,
) -> Result<(), LockfileError> {
    let packages = doc.object(&packages_prop.value, "`packages`")?;
    let mut folders = NodeModules::default();
    let mut entries = Vec::with_capacity(packages.properties.len());
    let mut root_entry = None;
    // Entries are read into nodes in parallel (the bulk of a large lockfile's reading), then
    // added in lockfile order; the first error in lockfile order is the one reported.
    let read: Vec<_> = packages
        .properties
        .par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .map(|prop| {
            let key = prop.name.as_str();
            let owner = format!("packages[\"{key}\"]");
            let obj = doc.object(&prop.value, &owner)?;
            if key.is_empty() {
                return Ok((obj, None));
            }
            read_entry(doc, key, prop, obj, &owner).map(|entry| (obj, Some(entry)))
        })
        .collect();
    for (prop, read) in packages.properties.iter().zip(read) {
        let key = prop.name.as_str();
        let (obj, read) = read?;
        let Some((package, link_target)) = read else {
            root_entry = Some(obj);
            continue;
        };
        let id = graph.add_package(package);
        if !folders.insert(key, id) {
            return Err(doc.error_at(
                prop.range.start,
                format!("duplicate entry packages[\"{key}\"]"),
            ));
        }
        entries.push(Entry {
            id,
            key,
            obj,
            link_target,
        });
    }
    let workspaces = workspace_folders(doc, root_entry, &entries)?;
    classify_folders(graph, &entries, &workspaces, &folders);
    for entry in &entries {
        let edges = entry_edges(doc, entry, &mut folders, graph)?;
        graph.packages[entry.id.index()].dependencies = edges;
    }
    settle_bundles(doc, &entries, graph, &folders);
    let mut root = root_importer(doc, root_entry, cx, &mut folders, &entries)?;
    add_workspace_edges(&mut root, graph, &entries, &workspaces, &mut folders);
    graph.importers.push(root);
    for entry in entries.iter().filter(|e| workspaces.contains(e.key)) {
        let package = graph.package(entry.id);
        graph.importers.push(Importer {
            path: entry.key.to_string(),
            name: Some(package.name.clone()),
            dependencies: package.dependencies.clone(),
            package: Some(entry.id),
        });
    }
    Ok(())
}

/// Builds the node of one entry; also returns the link target folder of a `link: true` entry.
fn read_entry<'v>(
    doc: &JsonDoc<'_>,
    key: &'v str,
    prop: &ObjectProp<'_>,
    obj: &'v Object<'_>,
    owner: &str,
) -> Result<(Package, Option<&'v str>), LockfileError> {
    let link = doc.flag(obj, "link", owner)?;
    let resolved = doc.opt_string(obj, "resolved", owner)?;
    let version = doc.opt_string(obj, "version", owner)?.map_or("", |v| v.0);
    let name = doc.opt_string(obj, "name", owner)?.map(|v| v.0);
    let (integrity, integrity_line) = entry_integrity(doc, obj, owner)?;
    let in_node_modules = super::in_node_modules(key);
    let source = if link {
        Source::Link {
            path: resolved.map_or("", |r| r.0).to_string(),
        }
    } else if !in_node_modules {
        // Decided in `classify_folders` once all links are known.
        Source::Workspace {
            path: key.to_string(),
        }
    } else {
        source_of(resolved.map(|r| r.0), version)
    };
    let package = Package {
        name: name.unwrap_or_else(|| folder_package_name(key)).to_string(),
        version: version.to_string(),
        source,
        integrity,
        dev: doc.flag(obj, "dev", owner)?,
        optional: doc.flag(obj, "optional", owner)?,
        peer: doc.flag(obj, "peer", owner)?,
        has_install_script: doc.flag(obj, "hasInstallScript", owner)?,
        // Raw `inBundle`; settled by `settle_bundles` once every folder is known.
        bundled: doc.flag(obj, "inBundle", owner)?,
        dependencies: Vec::new(),
        key: key.to_string(),
        location: Location {
            line: doc.line(prop.range.start),
            resolved_line: resolved.map_or(0, |r| doc.line(r.1.range.start)),
            integrity_line,
        },
    };
    let link_target = if link { resolved.map(|r| r.0) } else { None };
    Ok((package, link_target))
}

/// Settles [`Package::bundled`]: `read_entry` copies the lockfile's `inBundle` flag; it stays
/// true only when a dependency bundles the entry, by arborist's `getBundler` (npm 11): the
/// enclosing folder entry `P` is a dependency (in `node_modules`, not the root or a workspace,
/// which npm installs from the registry even when they bundle), and `P` is itself bundled by a
/// dependency (then so is the entry), or `P`'s own lock entry lists the entry's name in
/// `bundleDependencies` (`true`: all its dependencies), or a package that depends on the entry
/// is bundled by `P` (a bundled dependency's dependency placed at `P`'s level). npm reads the
/// parent's `bundleDependencies`, not the child's flag: an `inBundle` entry whose parent does
/// not bundle it is fetched from the registry, so it stays unbundled and checked (red-team:
/// marking it bundled on the flag alone skipped code npm installs).
fn settle_bundles(
    doc: &JsonDoc<'_>,
    entries: &[Entry<'_, '_>],
    graph: &mut DependencyGraph,
    folders: &NodeModules,
) {
    let n = graph.packages.len();
    let flagged: Vec<bool> = graph.packages.iter().map(|p| p.bundled).collect();
    if !flagged.iter().any(|b| *b) {
        return;
    }
    // Bundle lists of the folder entries that have one (`None`: bundles all dependencies).
    let mut lists: std::collections::HashMap<PackageId, Option<Vec<String>>> =
        std::collections::HashMap::new();
    for e in entries {
        let list = match doc.get(e.obj, "bundleDependencies").ok().flatten() {
            Some(prop) => &prop.value,
            None => continue,
        };
        let names = match list {
            Value::Array(a) => Some(
                a.elements
                    .iter()
                    .filter_map(|v| match v {
                        Value::StringLit(s) => Some(s.value.to_string()),
                        _ => None,
                    })
                    .collect(),
            ),
            Value::BooleanLit(b) if b.value => None,
            _ => continue,
        };
        lists.insert(e.id, names);
    }
    let mut depended_by: Vec<Vec<PackageId>> = vec![Vec::new(); n];
    for (i, p) in graph.packages.iter().enumerate() {
        for edge in &p.dependencies {
            if let Some(t) = edge.target {
                depended_by[t.index()].push(PackageId(i as u32));
            }
        }
    }
    let mut bundler: Vec<Option<PackageId>> = vec![None; n];
    let mut changed = true;
    while changed {
        changed = false;
        for e in entries {
            let x = e.id.index();
            if !flagged[x] || bundler[x].is_some() {
                continue;
            }
            let folder = super::parent_folder(e.key);
            if folder.is_empty() || !super::in_node_modules(folder) {
                continue;
            }
            let Some(parent) = folders.get(folder) else {
                continue;
            };
            let name = folder_package_name(e.key);
            let found = bundler[parent.index()].or_else(|| {
                let listed = lists.get(&parent).is_some_and(|l| match l {
                    Some(names) => names.iter().any(|b| b == name),
                    None => graph.packages[parent.index()]
                        .dependencies
                        .iter()
                        .any(|d| d.name == name),
                });
                let via_edge = depended_by[x]
                    .iter()
                    .any(|q| bundler[q.index()] == Some(parent));
                (listed || via_edge).then_some(parent)
            });
            if found.is_some() {
                bundler[x] = found;
                changed = true;
            }
        }
    }
    for (p, b) in graph.packages.iter_mut().zip(bundler) {
        p.bundled = b.is_some();
    }
}

/// Folder entries (keys outside `node_modules`) that are workspace members: inside the
/// project, the target of a top-level `node_modules/<name>` link, and matched by a glob of
/// the root's `workspaces` (an array, or `{ "packages": [...] }`).
fn workspace_folders<'v>(
    doc: &JsonDoc<'_>,
    root: Option<&Object<'_>>,
    entries: &[Entry<'v, '_>],
) -> Result<HashSet<&'v str>, LockfileError> {
    let globs = match root {
        Some(root) => workspace_globs(doc, root)?,
        None => Vec::new(),
    };
    let linked: HashSet<&str> = entries
        .iter()
        .filter(|e| super::is_top_level(e.key))
        .filter_map(|e| e.link_target)
        .collect();
    Ok(entries
        .iter()
        .map(|e| e.key)
        .filter(|k| !super::in_node_modules(k) && linked.contains(k))
        .filter(|k| !k.starts_with("../") && *k != ".." && !k.starts_with('/'))
        .filter(|k| globs.iter().any(|g| glob_match(g, k)))
        .collect())
}

/// The root entry's `workspaces` globs.
fn workspace_globs(doc: &JsonDoc<'_>, root: &Object<'_>) -> Result<Vec<String>, LockfileError> {
    let owner = "packages[\"\"]";
    let Some(prop) = doc.get(root, "workspaces")? else {
        return Ok(Vec::new());
    };
    let list = match &prop.value {
        Value::Object(o) => doc.string_list(o, "packages", "`workspaces` of packages[\"\"]")?,
        Value::Array(_) => doc.string_list(root, "workspaces", owner)?,
        other => {
            return Err(doc.type_error(other, "`workspaces` of packages[\"\"]", "an array"));
        }
    };
    Ok(list.into_iter().map(str::to_string).collect())
}

/// Sets the source of folder entries (workspace or linked folder) and gives link nodes the
/// version (and, without `name`, the package name) of their target.
fn classify_folders(
    graph: &mut DependencyGraph,
    entries: &[Entry<'_, '_>],
    workspaces: &HashSet<&str>,
    folders: &NodeModules,
) {
    for entry in entries {
        if let Some(target) = entry.link_target.and_then(|t| folders.get(t)) {
            let (name, version) = {
                let t = graph.package(target);
                (t.name.clone(), t.version.clone())
            };
            let has_name = entry.obj.get("name").is_some();
            let package = &mut graph.packages[entry.id.index()];
            package.version = version;
            if !has_name {
                package.name = name;
            }
            continue;
        }
        if super::in_node_modules(entry.key) || workspaces.contains(entry.key) {
            continue;
        }
        graph.packages[entry.id.index()].source = Source::Link {
            path: entry.key.to_string(),
        };
    }
}

/// The edges of one entry: a link points at its target folder; other entries resolve their
/// declared dependencies from their own folder upwards.
fn entry_edges(
    doc: &JsonDoc<'_>,
    entry: &Entry<'_, '_>,
    folders: &mut NodeModules,
    graph: &DependencyGraph,
) -> Result<Vec<Edge>, LockfileError> {
    if let Some(target) = entry.link_target {
        return Ok(vec![Edge {
            name: graph.package(entry.id).name.clone(),
            spec: format!("file:{target}"),
            kind: DepKind::Prod,
            target: folders.get(target),
        }]);
    }
    let owner = format!("packages[\"{}\"]", entry.key);
    let is_folder = !super::in_node_modules(entry.key);
    let declared = declared_dependencies(doc, entry.obj, &owner, is_folder)?;
    Ok(resolve_all(&declared, entry.key, folders))
}

fn resolve_all(
    declared: &[super::Declared<'_>],
    folder: &str,
    folders: &mut NodeModules,
) -> Vec<Edge> {
    declared
        .iter()
        .map(|&(name, spec, kind)| Edge {
            name: name.to_string(),
            spec: spec.to_string(),
            kind,
            target: folders.resolve(folder, name),
        })
        .collect()
}

/// The root importer: the `""` entry's dependency maps; without one, the `package.json`
/// beside the lockfile; without either, every top-level `node_modules/<name>` entry (so a
/// lockfile lacking its root entry does not make every package an orphan).
fn root_importer(
    doc: &JsonDoc<'_>,
    root: Option<&Object<'_>>,
    cx: &ReadContext<'_>,
    folders: &mut NodeModules,
    entries: &[Entry<'_, '_>],
) -> Result<Importer, LockfileError> {
    if let Some(root) = root {
        let owner = "packages[\"\"]";
        let declared = declared_dependencies(doc, root, owner, true)?;
        return Ok(Importer {
            path: ".".into(),
            name: doc
                .opt_string(root, "name", owner)?
                .map(|n| n.0.to_string()),
            dependencies: resolve_all(&declared, "", folders),
            package: None,
        });
    }
    if let Some(manifest) = cx.manifest {
        let declared = super::nested::manifest_dependencies(manifest);
        return Ok(Importer {
            path: ".".into(),
            name: manifest.name.clone(),
            dependencies: resolve_all(&declared, "", folders),
            package: None,
        });
    }
    let dependencies = entries
        .iter()
        .filter(|e| super::is_top_level(e.key))
        .map(|e| Edge {
            name: folder_package_name(e.key).to_string(),
            spec: String::new(),
            kind: DepKind::Prod,
            target: Some(e.id),
        })
        .collect();
    Ok(Importer {
        path: ".".into(),
        name: None,
        dependencies,
        package: None,
    })
}

/// Like arborist, the root depends on every workspace member (an edge of type `workspace`):
/// adds an edge `file:<folder>` to the member's `node_modules/<name>` link for each member the
/// root does not already declare, so the links npm writes for them are reachable.
fn add_workspace_edges(
    root: &mut Importer,
    graph: &DependencyGraph,
    entries: &[Entry<'_, '_>],
    workspaces: &HashSet<&str>,
    folders: &mut NodeModules,
) {
    for entry in entries.iter().filter(|e| workspaces.contains(e.key)) {
        let name = &graph.package(entry.id).name;
        if root.dependencies.iter().any(|e| &e.name == name) {
            continue;
        }
        root.dependencies.push(Edge {
            name: name.clone(),
            spec: format!("file:{}", entry.key),
            kind: DepKind::Prod,
            target: folders.resolve("", name).or(Some(entry.id)),
        });
    }
}

/// Matches a workspace glob (`packages/*`, `apps/**`, `docs`, `./tools/*/`) against a folder:
/// `*` and `?` within one segment, `**` across segments. Negated globs (`!x`) never match.
pub(super) fn glob_match(glob: &str, path: &str) -> bool {
    if glob.starts_with('!') {
        return false;
    }
    let glob = glob.trim_start_matches("./").trim_end_matches('/');
    let path = path.trim_start_matches("./").trim_end_matches('/');
    let g: Vec<&str> = glob.split('/').filter(|s| !s.is_empty()).collect();
    let p: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match_segments(&g, &p)
}

fn match_segments(g: &[&str], p: &[&str]) -> bool {
    match (g.first(), p.first()) {
        (None, None) => true,
        (Some(&"**"), _) => {
            match_segments(&g[1..], p) || (!p.is_empty() && match_segments(g, &p[1..]))
        }
        (Some(gs), Some(ps)) => {
            segment_match(gs.as_bytes(), ps.as_bytes()) && match_segments(&g[1..], &p[1..])
        }
        _ => false,
    }
}

/// `*` / `?` wildcard match of one path segment (iterative, linear backtracking).
fn segment_match(g: &[u8], s: &[u8]) -> bool {
    let (mut gi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if gi < g.len() && (g[gi] == b'?' || g[gi] == s[si]) {
            gi += 1;
            si += 1;
        } else if gi < g.len() && g[gi] == b'*' {
            star = Some((gi, si));
            gi += 1;
        } else if let Some((sg, ss)) = star {
            gi = sg + 1;
            si = ss + 1;
            star = Some((sg, ss + 1));
        } else {
            return false;
        }
    }
    g[gi..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match("workspaces/*", "workspaces/arborist"));
        assert!(glob_match("docs", "docs"));
        assert!(glob_match("./packages/*/", "packages/a"));
        assert!(glob_match("packages/**", "packages/a/b"));
        assert!(glob_match("packages/lib-*", "packages/lib-x"));
        assert!(!glob_match("packages/*", "packages/a/b"));
        assert!(!glob_match("!packages/*", "packages/a"));
        assert!(!glob_match("docs", "docs2"));
    }
}
