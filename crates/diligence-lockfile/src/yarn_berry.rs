//! yarn berry (`yarn.lock` with `__metadata`, yarn 2+; `__metadata.version` 4 – 10).
//!
//! The file is "syml", a YAML subset (read by the private `yarn_syntax` module, every scalar
//! a string as yarn's FAILSAFE-schema reader sees it). Each entry is keyed by the descriptors
//! that resolved to it (`"a@npm:^1, a@npm:^1.1"`) and holds `version`, `resolution` (the locator
//! `name@<protocol>:<reference>[::bindings]`), `checksum` (a hash of yarn's own zip archive,
//! kept as [`Integrity::BerryChecksum`]), `dependencies` (descriptor ranges such as `npm:^1`
//! or `workspace:^`, resolved through the keys), `peerDependencies`, `dependenciesMeta`
//! (`optional: true` marks optional dependencies), `conditions`, `languageName`, `linkType`.
//!
//! Sources from the resolution's protocol: `npm:` is [`Source::Registry`] (with the decoded
//! `::__archiveUrl=` binding as `resolved` when the URL is registry-shaped, else
//! [`Source::Tarball`]); `workspace:` → [`Source::Workspace`]; `link:`/`portal:` →
//! [`Source::Link`]; `file:` (and `exec:`, which runs a generator script) → [`Source::File`];
//! `patch:` → [`Source::Patch`] around the decoded original; git URLs (`….git#commit=…`,
//! `git+ssh:`, `github:`) → [`Source::Git`]; other URLs → [`Source::Tarball`].
//!
//! Importers are the `workspace:` entries, root (`workspace:.`) first; each is also a node.
//! Dependency kinds of a workspace (dev, optional) come from its `package.json` when present.
//! How descriptors find their entry (resolutions, builtin patches, catalogs, `::locator`
//! bindings) is in the private `resolve` module.

mod resolve;

use crate::yarn_shared::{add_unknown_importer, mark_dev_optional, split_descriptor};
use crate::yarn_syntax::{self, Node, Syntax, field};
use crate::{LockfileError, Manifest, ReadContext, url_shape};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, Source,
};
use resolve::{Index, Overrides};
use std::collections::HashSet;
use std::path::Path;

/// Highest `__metadata.version` this reader knows (yarn 4.x writes 8 to 10).
pub const MAX_VERSION: u32 = 10;

/// Parses a yarn berry lockfile into a graph.
///
/// Errors (one line, with line and column when known): a syntax error or YAML construct yarn
/// does not write, a missing `__metadata.version` or one above [`MAX_VERSION`], an entry that
/// is not a block or lacks `resolution`/`version`, a key or resolution that is not
/// `name@range`, or a field of the wrong shape (e.g. `dependencies: x`).
pub fn parse(text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    let nodes = yarn_syntax::parse(text, Syntax::Berry, cx.path)?;
    let version = metadata_version(&nodes, cx.path)?;
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: cx.path.to_path_buf(),
        format: LockfileFormat::YarnBerry,
        version,
    });
    let mut entries = Vec::with_capacity(nodes.len());
    for node in nodes.iter().filter(|n| n.key() != "__metadata") {
        let (package, entry) = read_entry(node, cx.path)?;
        graph.add_package(package);
        entries.push(entry);
    }
    let root_dir = cx.path.parent().unwrap_or(Path::new("."));
    let overrides = Overrides::new(cx.manifest, root_dir);
    let index = Index::new(&entries);
    link_entries(&mut graph, &entries, &index, &overrides);
    add_importers(&mut graph, &entries, &index, &overrides, cx);
    mark_dev_optional(&mut graph);
    Ok(graph)
}

/// Sets every entry's edges: each dependency resolved through [`Index::resolve`], a patch's
/// edge to its original, and, once all exact targets are known, the name fallback
/// ([`Index::by_name`]) for dependencies nothing else placed.
fn link_entries(
    graph: &mut DependencyGraph,
    entries: &[Entry],
    index: &Index,
    overrides: &Overrides,
) {
    let mut unplaced: Vec<(usize, usize)> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let mut edges: Vec<Edge> = Vec::with_capacity(entry.deps.len() + 1);
        for (name, range, kind) in &entry.deps {
            let target = match kind {
                DepKind::Peer => None,
                _ => index.resolve(entries, overrides, Some(i), name, range),
            };
            if target.is_none() && *kind != DepKind::Peer {
                unplaced.push((i, edges.len()));
            }
            edges.push(Edge {
                name: name.clone(),
                spec: range.clone(),
                kind: *kind,
                target,
            });
        }
        edges.extend(index.patch_original(entries, i));
        graph.packages[i].dependencies = edges;
    }
    let mut claimed = vec![false; graph.packages.len()];
    for t in graph
        .packages
        .iter()
        .flat_map(|p| p.dependencies.iter().filter_map(|e| e.target))
    {
        claimed[t.index()] = true;
    }
    for (i, j) in unplaced {
        let name = &graph.packages[i].dependencies[j].name;
        let target = index.by_name(entries, name, &claimed);
        graph.packages[i].dependencies[j].target = target;
    }
}

/// What the resolver needs of an entry besides its [`Package`].
#[derive(Debug)]
struct Entry {
    /// The descriptors of the key, as written.
    descriptors: Vec<String>,
    /// The `resolution` locator, as written.
    locator: String,
    /// The locator's package name.
    name: String,
    /// `(name, range, kind)` from `dependencies` (Prod, or Optional per `dependenciesMeta`)
    /// and `peerDependencies` (Peer).
    deps: Vec<(String, String, DepKind)>,
}

impl Entry {
    /// The reference part of the locator (`npm:1.2.3`, `workspace:.`, …), with bindings.
    fn reference(&self) -> &str {
        split_descriptor(&self.locator).map_or("", |(_, r)| r)
    }
}

fn metadata_version(nodes: &[Node], path: &Path) -> Result<String, LockfileError> {
    let Some(meta) = nodes.iter().find(|n| n.key() == "__metadata") else {
        return Err(LockfileError::new(
            path,
            "no `__metadata` block (not a yarn berry lockfile)",
        ));
    };
    let Some(fields) = meta.map() else {
        return Err(LockfileError::at(
            path,
            meta.line as usize,
            0,
            "`__metadata` must be a block",
        ));
    };
    let Some(node) = field(fields, "version") else {
        return Err(LockfileError::at(
            path,
            meta.line as usize,
            0,
            "`__metadata` has no `version`",
        ));
    };
    let at = |msg: String| LockfileError::at(path, node.line as usize, 0, msg);
    let text = node
        .scalar()
        .ok_or_else(|| at("`__metadata.version` must be a number".into()))?;
    let number: u32 = text
        .parse()
        .map_err(|_| at(format!("`__metadata.version` `{text}` is not a number")))?;
    if number > MAX_VERSION {
        return Err(at(format!(
            "`__metadata.version` {number} is newer than this reader knows (up to {MAX_VERSION})"
        )));
    }
    Ok(text.to_string())
}

fn read_entry(node: &Node, path: &Path) -> Result<(Package, Entry), LockfileError> {
    let key = node.key();
    let at = |line: u32, msg: String| LockfileError::at(path, line as usize, 0, msg);
    let Some(fields) = node.map() else {
        return Err(at(node.line, format!("entry `{key}` is not a block")));
    };
    let descriptors: Vec<String> = key
        .split(',')
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    if descriptors.is_empty() || descriptors.iter().any(|d| split_descriptor(d).is_none()) {
        return Err(at(
            node.line,
            format!("entry key `{key}` is not a list of `name@range` descriptors"),
        ));
    }
    let (locator, resolution_line) = string_field(fields, "resolution", key, path)?
        .ok_or_else(|| at(node.line, format!("entry `{key}` has no `resolution`")))?;
    let (version, _) = string_field(fields, "version", key, path)?
        .ok_or_else(|| at(node.line, format!("entry `{key}` has no `version`")))?;
    let Some((name, reference)) = split_descriptor(locator) else {
        return Err(at(
            resolution_line,
            format!("`resolution` of `{key}` is not a `name@reference` locator"),
        ));
    };
    let checksum = string_field(fields, "checksum", key, path)?;
    let source = classify(reference, 0);
    let version = match (&source, reference.strip_prefix("npm:")) {
        (Source::Registry { .. }, Some(v)) => split_bindings(v).0.to_string(),
        _ => version.to_string(),
    };
    let package = Package {
        name: name.to_string(),
        version,
        source,
        integrity: checksum.map(|(c, _)| Integrity::BerryChecksum(c.to_string())),
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: key.to_string(),
        location: Location {
            line: node.line,
            resolved_line: resolution_line,
            integrity_line: checksum.map_or(0, |(_, l)| l),
        },
    };
    let entry = Entry {
        descriptors,
        locator: locator.to_string(),
        name: name.to_string(),
        deps: read_deps(fields, key, path)?,
    };
    Ok((package, entry))
}

/// A scalar field as `(value, line)`; an error when it is a block.
fn string_field<'n>(
    fields: &'n [Node],
    name: &str,
    key: &str,
    path: &Path,
) -> Result<Option<(&'n str, u32)>, LockfileError> {
    let Some(node) = field(fields, name) else {
        return Ok(None);
    };
    match node.scalar() {
        Some(s) => Ok(Some((s, node.line))),
        None => Err(LockfileError::at(
            path,
            node.line as usize,
            0,
            format!("`{name}` of `{key}` must be a string, found a block"),
        )),
    }
}

/// A `name: value` block as pairs; an error when it is a scalar or holds blocks.
fn string_map<'n>(
    fields: &'n [Node],
    list: &str,
    key: &str,
    path: &Path,
) -> Result<Vec<(&'n str, &'n str)>, LockfileError> {
    let Some(node) = field(fields, list) else {
        return Ok(Vec::new());
    };
    let err = |line: u32, what: &str| {
        LockfileError::at(
            path,
            line as usize,
            0,
            format!("`{list}` of `{key}` {what}"),
        )
    };
    let children = node
        .map()
        .ok_or_else(|| err(node.line, "must be a block of `name: range` lines"))?;
    children
        .iter()
        .map(|c| {
            c.scalar()
                .map(|v| (c.key(), v))
                .ok_or_else(|| err(c.line, "holds a block where a range belongs"))
        })
        .collect()
}

fn read_deps(
    fields: &[Node],
    key: &str,
    path: &Path,
) -> Result<Vec<(String, String, DepKind)>, LockfileError> {
    let optional = optional_names(fields);
    let mut deps: Vec<(String, String, DepKind)> = Vec::new();
    for (name, range) in string_map(fields, "dependencies", key, path)? {
        let kind = if optional.contains(name) {
            DepKind::Optional
        } else {
            DepKind::Prod
        };
        deps.push((name.to_string(), range.to_string(), kind));
    }
    for (name, range) in string_map(fields, "peerDependencies", key, path)? {
        deps.push((name.to_string(), range.to_string(), DepKind::Peer));
    }
    Ok(deps)
}

/// Names with `optional: true` in `dependenciesMeta` (keys are a name or `name@version`).
fn optional_names<'n>(fields: &'n [Node<'_>]) -> HashSet<&'n str> {
    let Some(meta) = field(fields, "dependenciesMeta").and_then(Node::map) else {
        return HashSet::new();
    };
    meta.iter()
        .filter(|m| {
            m.map()
                .and_then(|f| field(f, "optional"))
                .and_then(Node::scalar)
                == Some("true")
        })
        .map(|m| split_descriptor(m.key()).map_or(m.key(), |(name, _)| name))
        .collect()
}

/// Splits `reference::k=v&k2=v2` into the reference and its bindings.
fn split_bindings(reference: &str) -> (&str, Option<&str>) {
    match reference.split_once("::") {
        Some((r, b)) => (r, Some(b)),
        None => (reference, None),
    }
}

/// The percent-decoded value of binding `name` (`__archiveUrl`, `locator`, …).
fn binding(bindings: Option<&str>, name: &str) -> Option<String> {
    bindings?
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .map(decode)
}

/// Percent-decodes (lossy on invalid UTF-8).
fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The source of a locator reference. `depth` bounds nested `patch:` originals.
fn classify(reference: &str, depth: u32) -> Source {
    let (base, bindings) = split_bindings(reference);
    if let Some(_version) = base.strip_prefix("npm:") {
        return match binding(bindings, "__archiveUrl") {
            Some(url) if url_shape::is_registry_tarball(&url) => Source::Registry {
                resolved: Some(url),
            },
            Some(url) => Source::Tarball { url },
            None => Source::Registry { resolved: None },
        };
    }
    if let Some(path) = base.strip_prefix("workspace:") {
        return Source::Workspace { path: path.into() };
    }
    for prefix in ["link:", "portal:"] {
        if let Some(path) = base.strip_prefix(prefix) {
            return Source::Link { path: path.into() };
        }
    }
    if let Some(path) = base.strip_prefix("file:") {
        // `file:./x.tgz#./x.tgz`: the part after `#` names the file inside the source.
        let path = path.split('#').next().unwrap_or(path);
        return Source::File { path: path.into() };
    }
    if base.starts_with("exec:") {
        return Source::File { path: base.into() };
    }
    if let Some(rest) = base.strip_prefix("patch:") {
        return patch_source(rest, depth);
    }
    if is_git(base) {
        return git_source(base);
    }
    Source::Tarball { url: base.into() }
}

/// `patch:<encoded original locator>#<patch path>`.
fn patch_source(rest: &str, depth: u32) -> Source {
    let (inner, patch) = rest.split_once('#').unwrap_or((rest, ""));
    let inner = decode(inner);
    let original = match split_descriptor(&inner) {
        Some((_, reference)) if depth < 4 => classify(reference, depth + 1),
        _ => Source::Tarball { url: inner.clone() },
    };
    Source::Patch {
        patch: decode(patch),
        original: Box::new(original),
    }
}

fn is_git(reference: &str) -> bool {
    let (base, fragment) = reference.split_once('#').unwrap_or((reference, ""));
    [
        "git+",
        "git:",
        "ssh:",
        "git@",
        "github:",
        "gitlab:",
        "bitbucket:",
    ]
    .iter()
    .any(|p| crate::url_shape::starts_with_ci(reference, p))
        || base.ends_with(".git")
        || fragment.split('&').any(|kv| kv.starts_with("commit="))
}

fn git_source(reference: &str) -> Source {
    let Some((url, fragment)) = reference.split_once('#') else {
        return Source::Git {
            url: reference.into(),
            commit: None,
        };
    };
    let commit = fragment
        .split('&')
        .find_map(|kv| kv.strip_prefix("commit="))
        .or_else(|| (!fragment.contains('=')).then_some(fragment))
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    Source::Git {
        url: url.into(),
        commit,
    }
}

fn add_importers(
    graph: &mut DependencyGraph,
    entries: &[Entry],
    index: &Index,
    overrides: &Overrides,
    cx: &ReadContext<'_>,
) {
    let root_dir = cx.path.parent().unwrap_or(Path::new("."));
    let mut workspaces: Vec<(usize, String)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let path = e.reference().strip_prefix("workspace:")?;
            Some((i, split_bindings(path).0.to_string()))
        })
        .collect();
    // Root first, then the others in lockfile order.
    workspaces.sort_by_key(|(_, p)| p != ".");
    if workspaces.first().is_none_or(|(_, p)| p != ".") {
        add_root_from_manifest(graph, entries, index, overrides, cx);
    }
    for (i, path) in workspaces {
        let manifest = if path == "." {
            cx.manifest.cloned()
        } else {
            Manifest::read_optional(&root_dir.join(&path).join("package.json"))
                .ok()
                .flatten()
        };
        let package = &mut graph.packages[i];
        if let Some(m) = &manifest {
            apply_manifest_kinds(&mut package.dependencies, m);
        }
        graph.importers.push(Importer {
            path,
            name: Some(entries[i].name.clone()),
            dependencies: package.dependencies.clone(),
            package: Some(diligence_graph::PackageId(i as u32)),
        });
    }
}

/// Marks a workspace's edges `Dev` / `Optional` as its `package.json` declares them (the
/// lockfile merges `devDependencies` into `dependencies`).
fn apply_manifest_kinds(edges: &mut [Edge], manifest: &Manifest) {
    for edge in edges.iter_mut().filter(|e| e.kind != DepKind::Peer) {
        if manifest.optional_dependencies.contains_key(&edge.name) {
            edge.kind = DepKind::Optional;
        } else if manifest.dev_dependencies.contains_key(&edge.name)
            && !manifest.dependencies.contains_key(&edge.name)
        {
            edge.kind = DepKind::Dev;
        }
    }
}

/// A lockfile without a `workspace:.` entry: the root's dependencies come from
/// `package.json`; without one, nothing is called an orphan.
fn add_root_from_manifest(
    graph: &mut DependencyGraph,
    entries: &[Entry],
    index: &Index,
    overrides: &Overrides,
    cx: &ReadContext<'_>,
) {
    let Some(manifest) = cx.manifest else {
        add_unknown_importer(graph, ".", None);
        return;
    };
    let dependencies = crate::yarn_shared::manifest_deps(manifest)
        .into_iter()
        .map(|(name, spec, kind)| Edge {
            name: name.to_string(),
            spec: spec.to_string(),
            kind,
            target: index
                .resolve(entries, overrides, None, name, spec)
                .or_else(|| index.by_name(entries, name, &[])),
        })
        .collect();
    graph.importers.push(Importer {
        path: ".".into(),
        name: manifest.name.clone(),
        dependencies,
        package: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(
            classify("npm:1.0.0", 0),
            Source::Registry { resolved: None }
        );
        assert_eq!(
            classify(
                "npm:2.1.3::__archiveUrl=https%3A%2F%2Fr.example%2Fms%2F-%2Fms-2.1.3.tgz",
                0
            ),
            Source::Registry {
                resolved: Some("https://r.example/ms/-/ms-2.1.3.tgz".into())
            }
        );
        assert_eq!(
            classify("npm:2.1.3::__archiveUrl=https%3A%2F%2Fr.example%2Fx.tgz", 0),
            Source::Tarball {
                url: "https://r.example/x.tgz".into()
            }
        );
        assert_eq!(
            classify("https://github.com/a/b.git#commit=0a1b2c", 0),
            Source::Git {
                url: "https://github.com/a/b.git".into(),
                commit: Some("0a1b2c".into())
            }
        );
        assert_eq!(
            classify(
                "patch:fsevents@npm%3A2.3.3#optional!builtin<compat/fsevents>::version=2.3.3&hash=df0bf1",
                0
            ),
            Source::Patch {
                patch: "optional!builtin<compat/fsevents>".into(),
                original: Box::new(Source::Registry { resolved: None })
            }
        );
        assert_eq!(
            classify("portal:../x::locator=a%40workspace%3A.", 0),
            Source::Link {
                path: "../x".into()
            }
        );
    }
}
