//! `pnpm-lock.yaml` reader: lockfile versions 5.x, 6.x and 9.x (pnpm's `@pnpm/lockfile.types`
//! and `@pnpm/dependency-path`), including files with several YAML documents (pnpm 11 writes
//! the package manager's own "env" lock first, then the project lock, separated by `---`).
//!
//! Nodes: one per `packages:` key in 5.x/6.x (each peer-suffixed key is its own node), one per
//! `snapshots:` key in 9.x (plus one per `packages:` key no snapshot uses, so an injected
//! orphan entry is still a node). Lines come from a linear scan of the text: the entry key
//! in `packages:` and its `resolution:` field.
//!
//! Sources (`resolution`): integrity only → [`Source::Registry`] without URL; a registry-shaped
//! `tarball` (`…/<name>/-/<file>.tgz`, any host) → `Registry` with that URL (a rule compares the
//! URL's package name and host with the entry); another `tarball` → [`Source::Tarball`]
//! (`file:` tarballs → [`Source::File`]); `type: git` → [`Source::Git`]; `type: directory` →
//! [`Source::File`], or [`Source::Workspace`] when the folder is an importer of the project
//! (the importer's `package` then points at it); any other `type` → [`Source::Tarball`] with
//! `<type>:<key>` as URL, so it never passes as a registry package. `patchedDependencies` wrap the source in
//! [`Source::Patch`]. `link:` references add [`Source::Link`] nodes, or point at the workspace
//! importer's node when the linked folder is an importer (see `links`).

mod depath;
mod flags;
mod links;
mod model;
mod scan;
mod source;

use crate::{LockfileError, ReadContext};
use depath::{Generation, parse_key, ref_to_key, strip_peer_suffix};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, PackageId, Source,
};
use model::{ImporterDoc, LockDocument, OrderedMap, PackageDoc, Text};
use scan::{DocLines, EntryLines};
use serde::Deserialize;
use std::collections::HashMap;

/// Parses `pnpm-lock.yaml` text into a graph.
///
/// `LockfileInfo::version` is the project document's `lockfileVersion` as written (`5.3`,
/// `6.0`, `9.0`). Importers: root (`.`) first, then workspaces in lockfile order; the root gets
/// the manifest's name. Dependencies of an env document (pnpm 11 `packageManagerDependencies`,
/// `configDependencies`) are added to the root importer as dev edges.
///
/// Errors (one line, with line and column when known): YAML syntax, a field of the wrong type
/// (the message names the key path), a duplicated key, an unknown or missing
/// `lockfileVersion`, a malformed integrity (at its line), a 9.x snapshot without its
/// `packages:` entry.
pub fn parse(text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    check_flow_depth(text, cx)?;
    let mut lines = scan::scan(text);
    let documents = parse_documents(text, cx).map_err(|e| locate_duplicate(e, &lines))?;
    if lines.len() != documents.len() {
        // The scan could not see the same documents (unusual layout): keep going without lines.
        lines = documents.iter().map(|_| DocLines::default()).collect();
    }
    let Some(last) = documents.len().checked_sub(1) else {
        return Err(LockfileError::new(
            cx.path,
            "empty pnpm-lock.yaml (no YAML document)",
        ));
    };
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: cx.path.to_path_buf(),
        format: LockfileFormat::Pnpm,
        version: String::new(),
    });
    let mut env_edges = Vec::new();
    for (index, (doc, doc_lines)) in documents.iter().zip(&lines).enumerate() {
        let version = lockfile_version(doc, doc_lines, cx)?;
        let generation = Generation::from_version(&version).ok_or_else(|| {
            LockfileError::at(
                cx.path,
                doc_lines.lockfile_version_line as usize,
                0,
                format!("unsupported pnpm lockfileVersion `{version}` (supported: 5.x, 6.x, 9.x)"),
            )
        })?;
        let mut reader = DocReader {
            cx,
            generation,
            doc,
            lines: doc_lines,
            graph: &mut graph,
            by_key: HashMap::new(),
        };
        reader.add_nodes()?;
        if index == last {
            reader.add_importers();
            graph.lockfile.version = version;
        } else {
            env_edges.extend(reader.env_edges());
        }
    }
    if let Some(root) = graph.importers.iter_mut().find(|i| i.path == ".") {
        root.dependencies.extend(env_edges);
    }
    flags::link_workspaces(&mut graph);
    links::resolve(&mut graph, &documents[last], text);
    if generation_of(&graph.lockfile.version) == Some(Generation::V9) {
        flags::mark_dev_only(&mut graph);
    }
    Ok(graph)
}

/// Refuses deeply nested flow collections before the YAML parser sees them.
fn check_flow_depth(text: &str, cx: &ReadContext<'_>) -> Result<(), LockfileError> {
    let Some(offset) = scan::too_deep_flow(text) else {
        return Ok(());
    };
    let (line, column) = crate::LineIndex::new(text).line_col(offset);
    Err(LockfileError::at(
        cx.path,
        line,
        column,
        format!(
            "flow collections nested deeper than {} levels",
            scan::MAX_FLOW_DEPTH
        ),
    ))
}

fn generation_of(version: &str) -> Option<Generation> {
    Generation::from_version(version)
}

/// Deserialises every non-empty YAML document (yaml_serde's multi-document iterator).
fn parse_documents(text: &str, cx: &ReadContext<'_>) -> Result<Vec<LockDocument>, LockfileError> {
    let mut out = Vec::new();
    for de in yaml_serde::Deserializer::from_str(text) {
        let doc: Option<LockDocument> = Option::deserialize(de).map_err(|e| yaml_error(cx, &e))?;
        out.extend(doc);
    }
    Ok(out)
}

/// Points a "duplicated mapping key" error at the second occurrence when the scan saw it.
fn locate_duplicate(mut e: LockfileError, lines: &[DocLines]) -> LockfileError {
    let Some(key) = e
        .message
        .split_once("duplicated mapping key `")
        .and_then(|(_, rest)| rest.rsplit_once('`'))
        .map(|(key, _)| key)
    else {
        return e;
    };
    if let Some(&line) = lines.iter().find_map(|d| d.duplicates.get(key)) {
        e.line = line as usize;
        e.column = 3;
    }
    e
}

fn yaml_error(cx: &ReadContext<'_>, e: &yaml_serde::Error) -> LockfileError {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    match e.location() {
        Some(l) => LockfileError::at(cx.path, l.line(), l.column(), message),
        None => LockfileError::new(cx.path, message),
    }
}

fn lockfile_version(
    doc: &LockDocument,
    lines: &DocLines,
    cx: &ReadContext<'_>,
) -> Result<String, LockfileError> {
    lines
        .lockfile_version
        .clone()
        .or_else(|| doc.lockfile_version.as_ref().map(|v| v.0.clone()))
        .ok_or_else(|| LockfileError::new(cx.path, "no `lockfileVersion` in pnpm-lock.yaml"))
}

/// Reads the nodes and importers of one document into the shared graph.
struct DocReader<'a, 'g> {
    cx: &'a ReadContext<'a>,
    generation: Generation,
    doc: &'a LockDocument,
    lines: &'a DocLines,
    graph: &'g mut DependencyGraph,
    /// Node key (5.x/6.x `packages:` key, 9.x `snapshots:` key) → node of this document.
    by_key: HashMap<&'a str, PackageId>,
}

/// One node before its edges are resolved.
struct NodeSpec<'a> {
    key: &'a str,
    package_key: &'a str,
    meta: &'a PackageDoc,
    deps: &'a OrderedMap<Text>,
    optional_deps: &'a OrderedMap<Text>,
    optional: bool,
}

impl<'a> DocReader<'a, '_> {
    fn add_nodes(&mut self) -> Result<(), LockfileError> {
        let specs = match self.generation {
            Generation::V9 => self.snapshot_specs()?,
            Generation::V5 | Generation::V6 => self
                .doc
                .packages
                .0
                .iter()
                .map(|(key, meta)| NodeSpec {
                    key,
                    package_key: key,
                    meta,
                    deps: &meta.dependencies,
                    optional_deps: &meta.optional_dependencies,
                    optional: meta.optional == Some(true),
                })
                .collect(),
        };
        let mut ids = Vec::with_capacity(specs.len());
        for spec in &specs {
            let package = self.node(spec)?;
            let id = self.graph.add_package(package);
            self.by_key.insert(spec.key, id);
            ids.push(id);
        }
        for (spec, id) in specs.iter().zip(ids) {
            let edges = self.package_edges(spec);
            self.graph.packages[id.index()].dependencies = edges;
        }
        Ok(())
    }

    /// 9.x: one spec per snapshot, then one per `packages:` entry no snapshot names.
    fn snapshot_specs(&self) -> Result<Vec<NodeSpec<'a>>, LockfileError> {
        let doc = self.doc;
        let meta_by_key: HashMap<&str, &PackageDoc> = doc
            .packages
            .0
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        let mut used: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut specs = Vec::with_capacity(doc.snapshots.0.len());
        for (key, snapshot) in &doc.snapshots.0 {
            let package_key = strip_peer_suffix(key);
            let Some((package_key, meta)) = meta_by_key.get_key_value(package_key) else {
                let line = self.lines.snapshots.get(key.as_str()).copied().unwrap_or(0);
                return Err(LockfileError::at(
                    self.cx.path,
                    line as usize,
                    0,
                    format!("snapshot `{key}` has no entry `{package_key}` in `packages`"),
                ));
            };
            used.insert(package_key);
            specs.push(NodeSpec {
                key,
                package_key,
                meta,
                deps: &snapshot.dependencies,
                optional_deps: &snapshot.optional_dependencies,
                optional: snapshot.optional == Some(true),
            });
        }
        for (key, meta) in &doc.packages.0 {
            if used.contains(key.as_str()) {
                continue;
            }
            specs.push(NodeSpec {
                key,
                package_key: key,
                meta,
                deps: &meta.dependencies,
                optional_deps: &meta.optional_dependencies,
                optional: meta.optional == Some(true),
            });
        }
        Ok(specs)
    }

    fn node(&self, spec: &NodeSpec<'a>) -> Result<Package, LockfileError> {
        let meta = spec.meta;
        let lines = self
            .lines
            .packages
            .get(spec.package_key)
            .copied()
            .unwrap_or_default();
        let parsed = parse_key(self.generation, spec.package_key);
        let name = meta
            .name
            .clone()
            .or_else(|| parsed.as_ref().map(|p| p.0.clone()))
            .unwrap_or_else(|| spec.package_key.to_string());
        let version = meta
            .version
            .clone()
            .or_else(|| parsed.map(|p| p.1))
            .unwrap_or_default();
        let integrity = self.integrity(spec, &lines)?;
        let has_integrity = integrity.is_some();
        let source = self.patched(
            spec.key,
            &name,
            &version,
            source::source_of(meta, spec.package_key),
        );
        Ok(Package {
            name,
            version,
            source,
            integrity,
            dev: meta.dev == Some(true),
            optional: spec.optional,
            peer: false,
            has_install_script: meta.requires_build == Some(true),
            bundled: false,
            dependencies: Vec::new(),
            key: spec.key.to_string(),
            location: Location {
                line: lines.key,
                resolved_line: lines.resolved_line(),
                integrity_line: if has_integrity {
                    lines.integrity_line()
                } else {
                    0
                },
            },
        })
    }

    fn integrity(
        &self,
        spec: &NodeSpec<'a>,
        lines: &EntryLines,
    ) -> Result<Option<Integrity>, LockfileError> {
        let Some(text) = spec
            .meta
            .resolution
            .as_ref()
            .and_then(|r| r.integrity.as_deref())
        else {
            return Ok(None);
        };
        Integrity::parse_sri(text).map(Some).map_err(|e| {
            LockfileError::at(
                self.cx.path,
                lines.integrity_line() as usize,
                0,
                format!(
                    "packages[\"{}\"].resolution.integrity: {e}",
                    spec.package_key
                ),
            )
        })
    }

    /// Wraps `source` in [`Source::Patch`] when `patchedDependencies` patches this entry.
    fn patched(&self, key: &str, name: &str, version: &str, source: Source) -> Source {
        let patches = &self.doc.patched_dependencies;
        if patches.0.is_empty() {
            return source;
        }
        let exact = patches.get(&format!("{name}@{version}"));
        let marked = key.contains("patch_hash=");
        let by_name = || {
            patches.get(name).or_else(|| {
                patches
                    .0
                    .iter()
                    .find(|(k, _)| k.strip_prefix(name).is_some_and(|r| r.starts_with('@')))
                    .map(|(_, v)| v)
            })
        };
        let patch = match exact {
            Some(p) => Some(p.path.clone()),
            None if marked => Some(by_name().map(|p| p.path.clone()).unwrap_or_default()),
            None => None,
        };
        match patch {
            Some(patch) => Source::Patch {
                patch,
                original: Box::new(source),
            },
            None => source,
        }
    }

    fn package_edges(&self, spec: &NodeSpec<'a>) -> Vec<Edge> {
        let mut edges = Vec::with_capacity(spec.deps.0.len() + spec.optional_deps.0.len());
        for (kind, deps) in [
            (DepKind::Prod, spec.deps),
            (DepKind::Optional, spec.optional_deps),
        ] {
            for (alias, reference) in &deps.0 {
                edges.push(self.edge(alias, reference, reference, kind));
            }
        }
        for (name, range) in &spec.meta.peer_dependencies.0 {
            if edges.iter().any(|e| &e.name == name) {
                continue;
            }
            edges.push(Edge {
                name: name.clone(),
                spec: range.0.clone(),
                kind: DepKind::Peer,
                target: None,
            });
        }
        edges
    }

    fn edge(&self, alias: &str, reference: &str, spec: &str, kind: DepKind) -> Edge {
        let target = ref_to_key(self.generation, reference, alias)
            .and_then(|key| self.by_key.get(key.as_str()).copied());
        Edge {
            name: alias.to_string(),
            spec: spec.to_string(),
            kind,
            target,
        }
    }

    fn add_importers(&mut self) {
        let doc = self.doc;
        let mut importers: Vec<Importer> = Vec::new();
        if doc.importers.0.is_empty() {
            let root = ImporterDoc {
                specifiers: doc.specifiers.clone(),
                dependencies: doc.dependencies.clone(),
                dev_dependencies: doc.dev_dependencies.clone(),
                optional_dependencies: doc.optional_dependencies.clone(),
                ..ImporterDoc::default()
            };
            importers.push(self.importer(".", &root));
        } else {
            for (path, imp) in &doc.importers.0 {
                importers.push(self.importer(path, imp));
            }
        }
        importers.sort_by_key(|i| i.path != ".");
        if let Some(root) = importers.first_mut().filter(|i| i.path == ".") {
            root.name = self.cx.manifest.and_then(|m| m.name.clone());
        }
        self.graph.importers = importers;
    }

    fn importer(&self, path: &str, imp: &ImporterDoc) -> Importer {
        let mut dependencies = Vec::new();
        for (kind, deps) in [
            (DepKind::Prod, &imp.dependencies),
            (DepKind::Dev, &imp.dev_dependencies),
            (DepKind::Optional, &imp.optional_dependencies),
            (DepKind::Dev, &imp.config_dependencies),
            (DepKind::Dev, &imp.package_manager_dependencies),
        ] {
            for (alias, dep) in &deps.0 {
                let spec = dep
                    .specifier
                    .as_deref()
                    .or_else(|| imp.specifiers.get(alias).map(|t| &**t))
                    .or_else(|| self.manifest_spec(path, alias, kind))
                    .unwrap_or(&dep.version);
                dependencies.push(self.edge(alias, &dep.version, spec, kind));
            }
        }
        Importer {
            path: path.to_string(),
            name: None,
            dependencies,
            package: None,
        }
    }

    /// The root `package.json` specifier of `alias`, for lockfiles that do not record it.
    fn manifest_spec(&self, path: &str, alias: &str, kind: DepKind) -> Option<&'a str> {
        let manifest = self.cx.manifest.filter(|_| path == ".")?;
        let section = match kind {
            DepKind::Prod => &manifest.dependencies,
            DepKind::Dev => &manifest.dev_dependencies,
            DepKind::Optional => &manifest.optional_dependencies,
            DepKind::Peer => &manifest.peer_dependencies,
        };
        section.get(alias).map(String::as_str)
    }

    /// Edges of an env document's importers (pnpm 11: the package manager itself).
    fn env_edges(&self) -> Vec<Edge> {
        let mut edges = Vec::new();
        for (_, imp) in &self.doc.importers.0 {
            let mut importer = self.importer(".", imp);
            for edge in &mut importer.dependencies {
                edge.kind = DepKind::Dev;
            }
            edges.extend(importer.dependencies);
        }
        edges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(text: &str) -> Result<DependencyGraph, LockfileError> {
        let cx = ReadContext {
            path: Path::new("pnpm-lock.yaml"),
            manifest: None,
        };
        parse(text, &cx)
    }

    #[test]
    fn minimal_v9() {
        let g = read("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n        version: 1.0.0\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}\nsnapshots:\n  a@1.0.0: {}\n").unwrap();
        assert_eq!(g.lockfile.version, "9.0");
        assert_eq!(g.packages.len(), 1);
        assert_eq!(g.packages[0].location.line, 9);
        assert_eq!(g.importers[0].dependencies[0].target, Some(PackageId(0)));
    }
}
