//! `lockfileVersion` 1 (npm 5 and 6): the nested `dependencies` tree.
//!
//! Each entry sits in its parent's `dependencies`, mirroring `node_modules` nesting; its
//! `requires` map (name -> spec) is resolved by walking up the nesting. The node key is the
//! install folder npm v2+ would write (`node_modules/a/node_modules/b`). Aliases are written
//! as `"version": "npm:<real-name>@<version>"`; git, `file:` and tarball dependencies put their
//! spec in `version`.

use super::json_ast::JsonDoc;
use super::{Declared, NodeModules, entry_integrity, source_of};
use crate::{LockfileError, Manifest, ReadContext};
use diligence_graph::{DepKind, DependencyGraph, Edge, Importer, Location, Package, PackageId};
use jsonc_parser::ast::{Object, ObjectProp};

/// An entry's `requires`, resolved once every node exists.
struct Requires<'v> {
    id: PackageId,
    folder: String,
    requires: Vec<(&'v str, &'v str)>,
}

/// Reads the `dependencies` tree of a v1 lockfile (also used for v2 files without
/// `packages`). The root importer comes from `package.json` when present; without it, every
/// top-level entry is a direct dependency of the root.
pub(super) fn read(
    doc: &JsonDoc<'_>,
    root: &Object<'_>,
    cx: &ReadContext<'_>,
    graph: &mut DependencyGraph,
) -> Result<(), LockfileError> {
    let mut folders = NodeModules::default();
    let mut pending = Vec::new();
    if let Some(prop) = doc.get(root, "dependencies")? {
        let deps = doc.object(&prop.value, "`dependencies`")?;
        walk(doc, deps, "", graph, &mut folders, &mut pending)?;
    }
    for item in &pending {
        let edges = item
            .requires
            .iter()
            .map(|&(name, spec)| Edge {
                name: name.to_string(),
                spec: spec.to_string(),
                kind: DepKind::Prod,
                target: folders.resolve(&item.folder, name),
            })
            .collect();
        graph.packages[item.id.index()].dependencies = edges;
    }
    let importer = root_importer(doc, root, cx.manifest, &mut folders, graph)?;
    graph.importers.push(importer);
    Ok(())
}

/// Adds the entries of one `dependencies` object (pre-order, file order), then recurses into
/// their own `dependencies`. Depth is bounded by the JSON parser's nesting limit.
fn walk<'v>(
    doc: &JsonDoc<'_>,
    deps: &'v Object<'_>,
    parent: &str,
    graph: &mut DependencyGraph,
    folders: &mut NodeModules,
    pending: &mut Vec<Requires<'v>>,
) -> Result<(), LockfileError> {
    for prop in &deps.properties {
        let name = prop.name.as_str();
        let folder = if parent.is_empty() {
            format!("node_modules/{name}")
        } else {
            format!("{parent}/node_modules/{name}")
        };
        let owner = format!("dependencies entry `{folder}`");
        let entry = doc.object(&prop.value, &owner)?;
        let package = read_entry(doc, name, &folder, prop, entry, &owner)?;
        let id = graph.add_package(package);
        if !folders.insert(&folder, id) {
            return Err(doc.error_at(prop.range.start, format!("duplicate {owner}")));
        }
        pending.push(Requires {
            id,
            folder: folder.clone(),
            requires: doc.string_map(entry, "requires", &owner)?,
        });
        if let Some(children) = doc.get(entry, "dependencies")? {
            let children = doc.object(&children.value, &format!("`dependencies` of {owner}"))?;
            walk(doc, children, &folder, graph, folders, pending)?;
        }
    }
    Ok(())
}

fn read_entry(
    doc: &JsonDoc<'_>,
    name: &str,
    folder: &str,
    prop: &ObjectProp<'_>,
    entry: &Object<'_>,
    owner: &str,
) -> Result<Package, LockfileError> {
    let Some((version, _)) = doc.opt_string(entry, "version", owner)? else {
        return Err(doc.error_at(prop.range.start, format!("{owner} has no `version`")));
    };
    let (real_name, version) = split_alias(version).unwrap_or((name, version));
    let resolved = doc.opt_string(entry, "resolved", owner)?;
    let (integrity, integrity_line) = entry_integrity(doc, entry, owner)?;
    Ok(Package {
        name: real_name.to_string(),
        version: version.to_string(),
        source: source_of(resolved.map(|r| r.0), version),
        integrity,
        dev: doc.flag(entry, "dev", owner)?,
        optional: doc.flag(entry, "optional", owner)?,
        peer: false,
        has_install_script: false,
        // v1 does not record which parent bundles what (npm reads the parent's manifest),
        // so no v1 entry is taken as never fetched: all are checked.
        bundled: false,
        dependencies: Vec::new(),
        key: folder.to_string(),
        location: Location {
            line: doc.line(prop.range.start),
            resolved_line: resolved.map_or(0, |r| doc.line(r.1.range.start)),
            integrity_line,
        },
    })
}

/// `npm:<name>@<version>` -> (name, version).
fn split_alias(version: &str) -> Option<(&str, &str)> {
    let rest = version.strip_prefix("npm:")?;
    let at = rest.rfind('@').filter(|&i| i > 0)?;
    Some((&rest[..at], &rest[at + 1..]))
}

/// The dependency groups of a `package.json`, as declared dependencies.
pub(super) fn manifest_dependencies(manifest: &Manifest) -> Vec<Declared<'_>> {
    let groups = [
        (&manifest.dependencies, DepKind::Prod),
        (&manifest.optional_dependencies, DepKind::Optional),
        (&manifest.peer_dependencies, DepKind::Peer),
        (&manifest.dev_dependencies, DepKind::Dev),
    ];
    let mut out = Vec::new();
    for (map, kind) in groups {
        for (name, spec) in map {
            if kind == DepKind::Prod && manifest.optional_dependencies.contains_key(name) {
                continue;
            }
            out.push((name.as_str(), spec.as_str(), kind));
        }
    }
    out
}

/// The root importer of a v1 tree: `package.json`'s dependencies when present (a top-level
/// entry none of them reaches is then an orphan, as npm would prune it). Without
/// `package.json`, every top-level entry is a direct dependency with its locked version as
/// spec, its kind taken from the entry's `dev` / `optional` flags.
fn root_importer(
    doc: &JsonDoc<'_>,
    root: &Object<'_>,
    manifest: Option<&Manifest>,
    folders: &mut NodeModules,
    graph: &DependencyGraph,
) -> Result<Importer, LockfileError> {
    let name = doc
        .opt_string(root, "name", "the lockfile")?
        .map(|n| n.0.to_string());
    let Some(manifest) = manifest else {
        let dependencies = graph
            .iter()
            .filter(|(_, p)| super::is_top_level(&p.key))
            .map(|(id, p)| Edge {
                name: super::folder_package_name(&p.key).to_string(),
                spec: p.version.clone(),
                kind: top_level_kind(p),
                target: Some(id),
            })
            .collect();
        return Ok(Importer {
            path: ".".into(),
            name,
            dependencies,
            package: None,
        });
    };
    let dependencies = manifest_dependencies(manifest)
        .into_iter()
        .map(|(dep, spec, kind)| Edge {
            name: dep.to_string(),
            spec: spec.to_string(),
            kind,
            target: folders.resolve("", dep),
        })
        .collect();
    Ok(Importer {
        path: ".".into(),
        name: manifest.name.clone().or(name),
        dependencies,
        package: None,
    })
}

fn top_level_kind(p: &Package) -> DepKind {
    if p.dev {
        DepKind::Dev
    } else if p.optional {
        DepKind::Optional
    } else {
        DepKind::Prod
    }
}
