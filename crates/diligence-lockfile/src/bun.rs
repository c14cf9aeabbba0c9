//! bun `bun.lock` reader (text lockfile, JSONC with trailing commas), `lockfileVersion` 0, 1, 2
//! (bun docs, "Lockfile"; oven-sh/bun `src/install/lockfile/bun.lock.zig`).
//!
//! - `workspaces`: `""` is the root project, other keys are workspace folders; each has
//!   `name`, optional `version`, and `dependencies` / `devDependencies` /
//!   `optionalDependencies` / `peerDependencies` (+ `optionalPeers`) with specifiers.
//! - `packages`: path-like keys (`debug`, `@scope/name`, `foo/debug` for the copy nested under
//!   `foo`) to tuples whose first element is `"<name>@<resolution>"`:
//!
//! | resolution | tuple |
//! |---|---|
//! | npm version | `[ident, registry tarball URL or "" (default registry), INFO, integrity]` |
//! | `git+…`, `github:…` | `[ident, INFO, bun-tag (resolved commit)]` |
//! | tarball URL, `file:`, `link:` | `[ident, INFO]` |
//! | `workspace:<path>` | `[ident]` (v0: `[ident, INFO]`) |
//! | `root:` | `[ident, { bin, binDir }]` |
//!
//! INFO holds the dependency maps, `optionalPeers`, `os`, `cpu`, `bin`, `bundled`.
//!
//! Resolution follows bun's `PkgMap.findResolution`: a dependency `x` of the package at key
//! `a/b` is looked up as `a/b/x`, then `a/x`, then `x` (a scope and its name count as one
//! segment). Root dependencies are looked up as `x`; dependencies of a workspace named `w` as
//! `w/x`, then `x`. Workspace members are keyed by their package name.

mod tuple;

use crate::npm::json_ast::{self, Dialect, JsonDoc};
use crate::{LockfileError, ReadContext};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Location, LockfileFormat, LockfileInfo, Package,
    PackageId, Source,
};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use std::collections::HashMap;
use tuple::{Resolution, Tuple};

/// Parses `bun.lock` text into a graph.
///
/// `LockfileInfo::version` is `lockfileVersion` as written (`"0"`, `"1"`, `"2"`). Errors (one
/// line, with line and column): invalid JSONC, an unknown `lockfileVersion`, a missing root
/// workspace, a field of the wrong type, a tuple of the wrong shape, an unknown resolution
/// form, a `workspace:` entry naming no workspace, a malformed SRI integrity. An empty
/// integrity slot is kept as "no integrity" (bun then verifies nothing; a rule reports it).
pub fn parse(text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    let (doc, root) = JsonDoc::parse(text, cx.path, Dialect::Jsonc)?;
    let root = doc.object(&root, "the lockfile")?;
    let version = lockfile_version(&doc, root)?;
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: cx.path.to_path_buf(),
        format: LockfileFormat::Bun,
        version: version.to_string(),
    });
    let Some(ws_prop) = doc.get(root, "workspaces")? else {
        return Err(doc.error_at(root.range.start, "bun.lock has no `workspaces` object"));
    };
    let workspaces = doc.object(&ws_prop.value, "`workspaces`")?;
    let mut keys: HashMap<String, PackageId> = HashMap::new();
    let (root_ws, members) = read_workspaces(&doc, workspaces, &mut graph, &mut keys)?;
    let mut entries = Vec::new();
    if let Some(prop) = doc.get(root, "packages")? {
        let packages = doc.object(&prop.value, "`packages`")?;
        for prop in &packages.properties {
            if let Some(entry) = read_entry(&doc, prop, &members, &mut graph, &mut keys)? {
                entries.push(entry);
            }
        }
    }
    for (id, key, info) in &entries {
        let owner = format!("packages[\"{key}\"]");
        let declared = declared_dependencies(&doc, *info, &owner)?;
        let edges = declared
            .into_iter()
            .map(|(name, spec, kind)| edge(name, spec, kind, find_resolution(&keys, key, name)))
            .collect();
        graph.packages[id.index()].dependencies = edges;
    }
    graph
        .importers
        .push(importer(&doc, ".", root_ws, None, &keys)?);
    for member in &members {
        let importer = importer(&doc, member.path, member.obj, Some(member.id), &keys)?;
        graph.packages[member.id.index()].dependencies = importer.dependencies.clone();
        graph.importers.push(importer);
    }
    mark_dev_and_optional(&mut graph);
    Ok(graph)
}

/// `lockfileVersion` 0, 1 or 2 (required).
fn lockfile_version(doc: &JsonDoc<'_>, root: &Object<'_>) -> Result<u32, LockfileError> {
    let Some(prop) = doc.get(root, "lockfileVersion")? else {
        return Err(doc.error_at(root.range.start, "bun.lock has no `lockfileVersion`"));
    };
    let number = match &prop.value {
        Value::NumberLit(n) => n.value.parse::<u32>().ok(),
        _ => None,
    };
    match number {
        Some(v @ 0..=2) => Ok(v),
        _ => Err(doc.error_at(
            json_ast::start(&prop.value),
            "`lockfileVersion` must be 0, 1 or 2 (bun 1.1 to 1.4)",
        )),
    }
}

/// A workspace member (non-root key of `workspaces`).
struct Member<'v, 't> {
    path: &'v str,
    obj: &'v Object<'t>,
    id: PackageId,
}

/// Reads `workspaces`: returns the root object and the members, each added as a
/// [`Source::Workspace`] node keyed by its package name.
fn read_workspaces<'v, 't>(
    doc: &JsonDoc<'_>,
    workspaces: &'v Object<'t>,
    graph: &mut DependencyGraph,
    keys: &mut HashMap<String, PackageId>,
) -> Result<(&'v Object<'t>, Vec<Member<'v, 't>>), LockfileError> {
    let mut root = None;
    let mut members = Vec::new();
    for prop in &workspaces.properties {
        let path = prop.name.as_str();
        let owner = format!("workspaces[\"{path}\"]");
        let obj = doc.object(&prop.value, &owner)?;
        if path.is_empty() {
            root = Some(obj);
            continue;
        }
        let Some((name, _)) = doc.opt_string(obj, "name", &owner)? else {
            return Err(doc.error_at(prop.range.start, format!("{owner} has no `name`")));
        };
        let version = doc.opt_string(obj, "version", &owner)?.map_or("", |v| v.0);
        let id = graph.add_package(Package {
            name: name.to_string(),
            version: version.to_string(),
            source: Source::Workspace {
                path: path.to_string(),
            },
            integrity: None,
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            bundled: false,
            dependencies: Vec::new(),
            key: path.to_string(),
            location: Location {
                line: doc.line(prop.range.start),
                ..Location::default()
            },
        });
        if keys.insert(name.to_string(), id).is_some() {
            return Err(doc.error_at(
                prop.range.start,
                format!("duplicate workspace name `{name}`"),
            ));
        }
        members.push(Member { path, obj, id });
    }
    let root = root.ok_or_else(|| {
        doc.error_at(
            workspaces.range.start,
            "`workspaces` has no root entry `\"\"`",
        )
    })?;
    Ok((root, members))
}

/// A package entry kept for the edge pass: node, key, INFO object.
type Entry<'v, 't> = (PackageId, &'v str, Option<&'v Object<'t>>);

/// Reads one `packages` entry: adds a node (or maps the key to its workspace member) and
/// returns it for the edge pass; `None` for `root:` and `workspace:` entries.
fn read_entry<'v, 't>(
    doc: &JsonDoc<'_>,
    prop: &'v ObjectProp<'t>,
    members: &[Member<'_, '_>],
    graph: &mut DependencyGraph,
    keys: &mut HashMap<String, PackageId>,
) -> Result<Option<Entry<'v, 't>>, LockfileError> {
    let key = prop.name.as_str();
    let tuple = Tuple::read(doc, prop)?;
    let source = match tuple.resolution {
        Resolution::Root => return Ok(None),
        Resolution::Workspace(path) => {
            let Some(member) = members.iter().find(|m| m.path == path) else {
                return Err(doc.error_at(
                    tuple.ident_offset,
                    format!("packages[\"{key}\"]: unknown workspace `{path}`"),
                ));
            };
            keys.entry(key.to_string()).or_insert(member.id);
            return Ok(None);
        }
        _ => tuple.source(),
    };
    let line = doc.line(prop.range.start);
    let resolved_line = match (&source, tuple.slots.url) {
        (Source::Registry { .. }, Some((_, offset))) => doc.line(offset),
        _ => line,
    };
    let integrity = tuple.slots.integrity;
    let id = graph.add_package(Package {
        name: tuple.name.to_string(),
        version: tuple.res.to_string(),
        source,
        integrity: integrity.as_ref().map(|i| i.0.clone()),
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: key.to_string(),
        location: Location {
            line,
            resolved_line,
            integrity_line: integrity.map_or(0, |i| doc.line(i.1)),
        },
    });
    if keys.insert(key.to_string(), id).is_some() {
        return Err(doc.error_at(prop.range.start, format!("duplicate package key `{key}`")));
    }
    Ok(Some((id, key, tuple.slots.info)))
}

/// The dependency maps of an INFO or workspace object; peers listed in `optionalPeers` are
/// still peer edges (their absence is not an error).
fn declared_dependencies<'v>(
    doc: &JsonDoc<'_>,
    obj: Option<&'v Object<'_>>,
    owner: &str,
) -> Result<Vec<(&'v str, &'v str, DepKind)>, LockfileError> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    let groups = [
        ("dependencies", DepKind::Prod),
        ("devDependencies", DepKind::Dev),
        ("optionalDependencies", DepKind::Optional),
        ("peerDependencies", DepKind::Peer),
    ];
    doc.string_list(obj, "optionalPeers", owner)?;
    let mut out = Vec::new();
    for (group, kind) in groups {
        for (name, spec) in doc.string_map(obj, group, owner)? {
            out.push((name, spec, kind));
        }
    }
    Ok(out)
}

fn edge(name: &str, spec: &str, kind: DepKind, target: Option<PackageId>) -> Edge {
    Edge {
        name: name.to_string(),
        spec: spec.to_string(),
        kind,
        target,
    }
}

/// bun's `findResolution`: `<key>/<dep>`, then drop one package segment (`@scope/name`
/// counts as one) at a time, down to `<dep>`.
fn find_resolution(keys: &HashMap<String, PackageId>, key: &str, dep: &str) -> Option<PackageId> {
    let mut buf = String::with_capacity(key.len() + dep.len() + 1);
    let mut prefix = key;
    loop {
        buf.clear();
        if !prefix.is_empty() {
            buf.push_str(prefix);
            buf.push('/');
        }
        buf.push_str(dep);
        if let Some(id) = keys.get(buf.as_str()) {
            return Some(*id);
        }
        if prefix.is_empty() {
            return None;
        }
        prefix = parent_key(prefix);
    }
}

/// `a/@s/b` -> `a`; `a/b` -> `a`; `@s/b` -> `""`; `a` -> `""`.
fn parent_key(key: &str) -> &str {
    let Some(slash) = key.rfind('/') else {
        return "";
    };
    let head = &key[..slash];
    let scope_start = head.rfind('/').map_or(0, |i| i + 1);
    if head[scope_start..].starts_with('@') {
        return head.get(..scope_start.saturating_sub(1)).unwrap_or("");
    }
    head
}

/// An importer (root or workspace member): its dependency maps resolved as bun does — root
/// dependencies as `<dep>`, a member named `w` as `w/<dep>` then `<dep>`.
fn importer(
    doc: &JsonDoc<'_>,
    path: &str,
    obj: &Object<'_>,
    package: Option<PackageId>,
    keys: &HashMap<String, PackageId>,
) -> Result<Importer, LockfileError> {
    let owner = format!("workspaces[\"{}\"]", if path == "." { "" } else { path });
    let name = doc
        .opt_string(obj, "name", &owner)?
        .map(|n| n.0.to_string());
    let declared = declared_dependencies(doc, Some(obj), &owner)?;
    let prefix = if package.is_some() {
        name.as_deref()
    } else {
        None
    };
    let dependencies = declared
        .into_iter()
        .map(|(dep, spec, kind)| {
            let scoped = prefix.and_then(|w| keys.get(&format!("{w}/{dep}")).copied());
            edge(dep, spec, kind, scoped.or_else(|| keys.get(dep).copied()))
        })
        .collect();
    Ok(Importer {
        path: path.to_string(),
        name,
        dependencies,
        package,
    })
}

/// bun.lock records no dev/optional flags; derive them as npm defines them: `dev` when only
/// reachable through some importer's dev dependencies, `optional` when only reachable
/// through optional dependencies.
fn mark_dev_and_optional(graph: &mut DependencyGraph) {
    let any = reach(graph, |_| true, |_| true);
    let non_dev = reach(graph, |k| k != DepKind::Dev, |_| true);
    let non_optional = reach(
        graph,
        |k| k != DepKind::Optional,
        |k| k != DepKind::Optional,
    );
    for (i, p) in graph.packages.iter_mut().enumerate() {
        if matches!(p.source, Source::Workspace { .. }) {
            continue;
        }
        p.dev = any[i] && !non_dev[i];
        p.optional = any[i] && !non_optional[i];
    }
}

/// Nodes reached from importer edges accepted by `from_importer`, following package edges
/// accepted by `follow`.
fn reach(
    graph: &DependencyGraph,
    from_importer: impl Fn(DepKind) -> bool,
    follow: impl Fn(DepKind) -> bool,
) -> Vec<bool> {
    let mut seen = vec![false; graph.packages.len()];
    let mut stack: Vec<PackageId> = graph
        .importers
        .iter()
        .flat_map(|i| i.dependencies.iter())
        .filter(|e| from_importer(e.kind))
        .filter_map(|e| e.target)
        .collect();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.index()], true) {
            continue;
        }
        let deps = &graph.packages[id.index()].dependencies;
        stack.extend(
            deps.iter()
                .filter(|e| follow(e.kind))
                .filter_map(|e| e.target),
        );
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_keys() {
        assert_eq!(parent_key("a/@s/b"), "a");
        assert_eq!(parent_key("a/b"), "a");
        assert_eq!(parent_key("@s/b"), "");
        assert_eq!(parent_key("a"), "");
        assert_eq!(parent_key("@s/a/@t/b"), "@s/a");
        assert_eq!(parent_key("@s/a/b"), "@s/a");
    }
}
