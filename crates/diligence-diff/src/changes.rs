//! Comparing two dependency graphs package by package: added, removed, version changed, and
//! same version with another `integrity`/`resolved` (the lockfile-injection tell).
//!
//! Packages are matched by name. For a name locked at several versions (npm nests copies),
//! versions present on both sides are compared in place; the versions only in the head are
//! paired in ascending order with the versions only in the base (one bump = one change) and
//! what is left over is added or removed. Workspace members (the project itself) are not
//! packages for this comparison.

use diligence_graph::{DependencyGraph, Integrity, Package, PackageId, Source};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// What happened to one package between base and head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only in the head.
    Added,
    /// Only in the base.
    Removed,
    /// Another version in the head; `from` is the base version.
    VersionChanged { from: String, direction: Direction },
    /// Same version, different integrity and/or `resolved`.
    IntegrityChanged,
}

/// Direction of a version change (semver order; `Unknown` when either side is not semver).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Unknown,
}

impl Direction {
    /// `up`, `down` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Unknown => "unknown",
        }
    }
}

/// One package-level change. For `Removed` the package fields describe the base entry,
/// otherwise the head entry.
#[derive(Debug, Clone)]
pub struct PackageChange {
    pub kind: ChangeKind,
    /// The entry (head side, or base side for removals).
    pub package: Package,
    /// The base entry for version and integrity changes.
    pub old: Option<Package>,
    /// `name@version` chain from a direct dependency of an importer to the package, in the
    /// graph the entry lives in; empty when nothing reaches it (an orphan entry).
    pub path: Vec<String>,
    /// The importer (`.` or a workspace path) at the start of `path`.
    pub importer: Option<String>,
    /// The name the project depends on it under when that is not its own (an `npm:` alias
    /// such as `chalk-next` → `chalk@5.6.1`); `None` otherwise.
    pub alias: Option<String>,
}

impl PackageChange {
    /// True for registry packages (the ones whose tarballs are scanned).
    pub fn is_registry(&self) -> bool {
        matches!(
            registry_source(&self.package.source),
            Source::Registry { .. }
        )
    }
}

fn registry_source(s: &Source) -> &Source {
    match s {
        Source::Patch { original, .. } => registry_source(original),
        other => other,
    }
}

type VersionIndex = BTreeMap<String, BTreeMap<String, PackageId>>;

fn index(graph: &DependencyGraph) -> VersionIndex {
    let mut out: VersionIndex = BTreeMap::new();
    for (id, p) in graph.iter() {
        if matches!(p.source, Source::Workspace { .. }) {
            continue;
        }
        out.entry(p.name.clone())
            .or_default()
            .entry(p.version.clone())
            .or_insert(id);
    }
    out
}

struct Side<'a> {
    graph: &'a DependencyGraph,
    paths: Vec<Option<(usize, Vec<PackageId>)>>,
}

impl<'a> Side<'a> {
    fn new(graph: &'a DependencyGraph) -> Side<'a> {
        Side {
            graph,
            paths: graph.shortest_paths(),
        }
    }

    fn change(&self, id: PackageId, kind: ChangeKind, old: Option<&Package>) -> PackageChange {
        let (importer, path) = match self.paths.get(id.index()).and_then(|p| p.as_ref()) {
            Some((imp, ids)) => (
                self.graph.importers.get(*imp).map(|i| i.path.clone()),
                ids.iter()
                    .map(|i| self.graph.package(*i).id_string())
                    .collect(),
            ),
            None => (None, Vec::new()),
        };
        let name = &self.graph.package(id).name;
        let alias = self
            .graph
            .importers
            .iter()
            .flat_map(|i| &i.dependencies)
            .chain(self.graph.packages.iter().flat_map(|p| &p.dependencies))
            .find(|e| e.target == Some(id) && &e.name != name)
            .map(|e| e.name.clone());
        PackageChange {
            kind,
            package: self.graph.package(id).clone(),
            old: old.cloned(),
            path,
            importer,
            alias,
        }
    }
}

/// All package changes from `base` to `head`, sorted by name then version.
pub fn compare(base: &DependencyGraph, head: &DependencyGraph) -> Vec<PackageChange> {
    let (bi, hi) = (index(base), index(head));
    let (bs, hs) = (Side::new(base), Side::new(head));
    let names: BTreeSet<&String> = bi.keys().chain(hi.keys()).collect();
    let mut out = Vec::new();
    for name in names {
        let empty = BTreeMap::new();
        let bv = bi.get(name).unwrap_or(&empty);
        let hv = hi.get(name).unwrap_or(&empty);
        for (version, hid) in hv {
            let Some(bid) = bv.get(version) else { continue };
            let (old, new) = (base.package(*bid), head.package(*hid));
            if source_changed(old, new) {
                out.push(hs.change(*hid, ChangeKind::IntegrityChanged, Some(old)));
            }
        }
        let mut only_head: Vec<&String> = hv.keys().filter(|v| !bv.contains_key(*v)).collect();
        let mut only_base: Vec<&String> = bv.keys().filter(|v| !hv.contains_key(*v)).collect();
        only_head.sort_by(|a, b| semver_cmp(a, b));
        only_base.sort_by(|a, b| semver_cmp(a, b));
        let pairs = only_head.len().min(only_base.len());
        for (new_v, old_v) in only_head.iter().zip(only_base.iter()) {
            let old = base.package(bv[*old_v]);
            let kind = ChangeKind::VersionChanged {
                from: old_v.to_string(),
                direction: direction(old_v, new_v),
            };
            out.push(hs.change(hv[*new_v], kind, Some(old)));
        }
        for v in &only_head[pairs..] {
            out.push(hs.change(hv[*v], ChangeKind::Added, None));
        }
        for v in &only_base[pairs..] {
            out.push(bs.change(bv[*v], ChangeKind::Removed, None));
        }
    }
    out
}

/// Integrity hashes of a common algorithm differ, the integrity was removed, added or
/// downgraded to a weaker algorithm, or the `resolved` URL/path differs.
fn source_changed(old: &Package, new: &Package) -> bool {
    let integrity = match (&old.integrity, &new.integrity) {
        (Some(a), Some(b)) if shares_algorithm(a, b) => !a.matches(b),
        // No common algorithm: only a downgrade (sha512 → sha1) is a change; npm rewriting a
        // sha1-only entry with sha512 is routine.
        (Some(a), Some(b)) => strength(b) < strength(a),
        (None, None) => false,
        // Gaining or losing an integrity is a change too.
        _ => true,
    };
    integrity || old.source.resolved() != new.source.resolved()
}

fn shares_algorithm(a: &Integrity, b: &Integrity) -> bool {
    match (a, b) {
        (Integrity::Sri(x), Integrity::Sri(y)) => x
            .iter()
            .any(|h| y.iter().any(|g| g.algorithm == h.algorithm)),
        (Integrity::BerryChecksum(_), Integrity::BerryChecksum(_)) => true,
        _ => false,
    }
}

/// The strongest SRI algorithm's digest length (0 for berry checksums).
fn strength(i: &Integrity) -> usize {
    i.strongest().map_or(0, |h| h.algorithm.digest_len())
}

fn semver_cmp(a: &str, b: &str) -> Ordering {
    match (
        nodejs_semver::Version::parse(a),
        nodejs_semver::Version::parse(b),
    ) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

fn direction(old: &str, new: &str) -> Direction {
    match (
        nodejs_semver::Version::parse(old),
        nodejs_semver::Version::parse(new),
    ) {
        (Ok(o), Ok(n)) if n > o => Direction::Up,
        (Ok(o), Ok(n)) if n < o => Direction::Down,
        _ => Direction::Unknown,
    }
}
