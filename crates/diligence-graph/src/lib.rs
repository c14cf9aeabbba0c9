//! The one data model of diligence: the locked dependency graph.
//!
//! Every lockfile reader (`diligence-lockfile`) produces a [`DependencyGraph`]; every check
//! (lockfile rules, advisories, registry cross-checks, metadata, code) reads it. Nothing here
//! knows about a particular lockfile format beyond the [`LockfileFormat`] tag and the
//! [`Location`] of each entry, which reports use to point at `file:line`.

mod integrity;
mod omit;
mod source;

pub use integrity::{HashAlgorithm, Integrity, IntegrityError, SriHash};
pub use omit::Omit;
pub use source::Source;

use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// Which lockfile format a graph was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LockfileFormat {
    /// `package-lock.json` / `npm-shrinkwrap.json` (npm docs: "package-lock.json").
    Npm,
    /// `yarn.lock` v1 (yarn classic).
    YarnClassic,
    /// `yarn.lock` with `__metadata` (yarn berry, 2+).
    YarnBerry,
    /// `pnpm-lock.yaml`.
    Pnpm,
    /// `bun.lock` (text, JSONC).
    Bun,
}

impl LockfileFormat {
    /// The id used in reports: `npm`, `yarn-classic`, `yarn-berry`, `pnpm`, `bun`.
    pub fn as_str(self) -> &'static str {
        match self {
            LockfileFormat::Npm => "npm",
            LockfileFormat::YarnClassic => "yarn-classic",
            LockfileFormat::YarnBerry => "yarn-berry",
            LockfileFormat::Pnpm => "pnpm",
            LockfileFormat::Bun => "bun",
        }
    }
}

/// The lockfile a graph came from.
#[derive(Debug, Clone, Serialize)]
pub struct LockfileInfo {
    /// Path as given or discovered (not canonicalised).
    pub path: PathBuf,
    pub format: LockfileFormat,
    /// The version written in the file: npm `lockfileVersion` ("1", "2", "3"), yarn berry
    /// `__metadata.version` ("4" … "10"), yarn classic "1", pnpm `lockfileVersion` ("5.4",
    /// "6.0", "9.0"), bun `lockfileVersion` ("0", "1", …).
    pub version: String,
}

/// Index of a [`Package`] in [`DependencyGraph::packages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PackageId(pub u32);

impl PackageId {
    /// The index into [`DependencyGraph::packages`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A place in the lockfile: 1-based line of the entry (its key), and of the field a check is
/// about when the reader knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line of the entry's key; 0 when unknown.
    pub line: u32,
    /// 1-based line of the `resolved`/`resolution`/URL slot; 0 when unknown or absent.
    pub resolved_line: u32,
    /// 1-based line of the `integrity`/`checksum` slot; 0 when unknown or absent.
    pub integrity_line: u32,
}

impl Location {
    /// The line for a finding about the source URL: the `resolved` line, else the entry line.
    pub fn for_resolved(&self) -> u32 {
        if self.resolved_line > 0 {
            self.resolved_line
        } else {
            self.line
        }
    }
    /// The line for a finding about integrity: the `integrity` line, else the entry line.
    pub fn for_integrity(&self) -> u32 {
        if self.integrity_line > 0 {
            self.integrity_line
        } else {
            self.line
        }
    }
}

/// The kind of a dependency edge, as declared in the depending manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DepKind {
    Prod,
    Dev,
    Optional,
    Peer,
}

/// One dependency edge: "this package (or importer) depends on `name` with `spec`".
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// The name under which it is depended on (an alias for `npm:` aliases, e.g. `string-width-cjs`).
    pub name: String,
    /// The specifier as written (`^4.3.4`, `npm:string-width@^4.2.0`, `workspace:*`, a git URL …),
    /// or the locked version when the format keeps only that (pnpm, npm v1 `requires`).
    pub spec: String,
    pub kind: DepKind,
    /// The package this edge resolves to, when the lockfile contains it. `None` for optional or
    /// peer dependencies that are legitimately absent (e.g. other platforms' binaries).
    pub target: Option<PackageId>,
}

/// One locked package entry (a node of the graph).
///
/// The same `name@version` can appear more than once (npm nests copies in several
/// `node_modules` folders; pnpm keeps one per peer-dependency context); each copy is a node.
#[derive(Debug, Clone, Serialize)]
pub struct Package {
    /// The real package name (for aliases: the aliased package, not the folder name).
    pub name: String,
    /// The locked version (semver for registry packages; for other sources whatever the
    /// lockfile records, e.g. `0.0.0-use.local` or a commit).
    pub version: String,
    pub source: Source,
    /// Parsed integrity. `None` when the lockfile records none.
    pub integrity: Option<Integrity>,
    /// Only reachable through dev dependencies.
    pub dev: bool,
    /// Only reachable through optional dependencies.
    pub optional: bool,
    /// Marked as a peer dependency by the lockfile (npm v2/v3 `peer: true`).
    pub peer: bool,
    /// The lockfile declares an install script (npm `hasInstallScript`, pnpm `requiresBuild`).
    pub has_install_script: bool,
    /// npm only: shipped inside the tarball of the dependency whose `node_modules` folder
    /// holds it (`inBundle: true`, v1 `bundled: true`, on an entry below another dependency's
    /// folder; arborist's `inDepBundle`). npm extracts it from that tarball and never fetches
    /// it, so its code is scanned as part of that tarball and the registry's copy (which may
    /// not exist) is not checked. Entries bundled by the root project or a workspace are
    /// installed from the registry like any other and stay `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bundled: bool,
    /// Outgoing edges.
    pub dependencies: Vec<Edge>,
    /// The key of the entry in the lockfile (`node_modules/debug`, `debug@npm:^4.3.4`,
    /// `/debug@4.3.4`, …), as written.
    pub key: String,
    pub location: Location,
}

impl Package {
    /// An entry with no integrity, no flags, no dependencies and no known lines (for graphs
    /// built from something other than a lockfile: a resolved closure, requested specs).
    pub fn new(name: &str, version: &str, source: Source, key: &str) -> Package {
        Package {
            name: name.to_string(),
            version: version.to_string(),
            source,
            integrity: None,
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            bundled: false,
            dependencies: Vec::new(),
            key: key.to_string(),
            location: Location::default(),
        }
    }

    /// `name@version`.
    pub fn id_string(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }
}

/// A project that depends on packages: the root, or a workspace member.
#[derive(Debug, Clone, Serialize)]
pub struct Importer {
    /// Path relative to the lockfile's folder: `.` for the root, `packages/foo` for a workspace.
    pub path: String,
    /// Package name from its manifest, when known.
    pub name: Option<String>,
    /// Direct dependencies with the specifiers from its package.json.
    pub dependencies: Vec<Edge>,
    /// The node of this importer when the lockfile also lists it as a package (npm workspaces,
    /// yarn berry `workspace:` entries); `None` for the root in most formats.
    pub package: Option<PackageId>,
}

/// The locked dependency graph of one lockfile.
#[derive(Debug, Clone, Serialize)]
pub struct DependencyGraph {
    pub lockfile: LockfileInfo,
    /// All nodes; a [`PackageId`] indexes this vector.
    pub packages: Vec<Package>,
    /// Root first, then workspaces in lockfile order.
    pub importers: Vec<Importer>,
}

impl DependencyGraph {
    /// An empty graph for a lockfile.
    pub fn new(lockfile: LockfileInfo) -> Self {
        DependencyGraph {
            lockfile,
            packages: Vec::new(),
            importers: Vec::new(),
        }
    }

    /// Adds a node and returns its id.
    pub fn add_package(&mut self, package: Package) -> PackageId {
        let id = PackageId(self.packages.len() as u32);
        self.packages.push(package);
        id
    }

    /// The node for an id. Panics on an id from another graph.
    pub fn package(&self, id: PackageId) -> &Package {
        &self.packages[id.index()]
    }

    /// Iterates `(id, package)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (PackageId, &Package)> {
        self.packages
            .iter()
            .enumerate()
            .map(|(i, p)| (PackageId(i as u32), p))
    }

    /// Ids of the packages no importer reaches through resolved edges (orphans). Importers'
    /// own nodes count as reached.
    pub fn unreachable(&self) -> Vec<PackageId> {
        let reached = self.reachability();
        (0..self.packages.len())
            .filter(|&i| !reached[i])
            .map(|i| PackageId(i as u32))
            .collect()
    }

    fn reachability(&self) -> Vec<bool> {
        self.reachability_by(&|_: &Edge| true)
    }

    /// Which packages the importers reach through the edges `follow` accepts.
    pub(crate) fn reachability_by(&self, follow: &dyn Fn(&Edge) -> bool) -> Vec<bool> {
        let mut reached = vec![false; self.packages.len()];
        let mut stack: Vec<PackageId> = Vec::new();
        for importer in &self.importers {
            stack.extend(importer.package);
            stack.extend(
                importer
                    .dependencies
                    .iter()
                    .filter(|e| follow(e))
                    .filter_map(|e| e.target),
            );
        }
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut reached[id.index()], true) {
                continue;
            }
            stack.extend(
                self.packages[id.index()]
                    .dependencies
                    .iter()
                    .filter(|e| follow(e))
                    .filter_map(|e| e.target),
            );
        }
        reached
    }

    /// For every reachable package, one shortest path of package ids from a direct dependency
    /// of some importer to it (inclusive), like npm audit's "via" chains. Returns `(importer
    /// index, path)`; `None` for unreachable packages.
    pub fn shortest_paths(&self) -> Vec<Option<(usize, Vec<PackageId>)>> {
        let n = self.packages.len();
        let mut parent: Vec<Option<PackageId>> = vec![None; n];
        let mut root_of: Vec<Option<usize>> = vec![None; n];
        let mut queue = std::collections::VecDeque::new();
        for (imp_index, importer) in self.importers.iter().enumerate() {
            for target in importer.dependencies.iter().filter_map(|e| e.target) {
                if root_of[target.index()].is_none() {
                    root_of[target.index()] = Some(imp_index);
                    queue.push_back(target);
                }
            }
        }
        while let Some(id) = queue.pop_front() {
            let root = root_of[id.index()];
            for t in self.packages[id.index()]
                .dependencies
                .iter()
                .filter_map(|e| e.target)
            {
                if root_of[t.index()].is_none() {
                    root_of[t.index()] = root;
                    parent[t.index()] = Some(id);
                    queue.push_back(t);
                }
            }
        }
        (0..n)
            .map(|i| {
                let root = root_of[i]?;
                let mut path = vec![PackageId(i as u32)];
                let mut cur = PackageId(i as u32);
                while let Some(p) = parent[cur.index()] {
                    path.push(p);
                    cur = p;
                }
                path.reverse();
                Some((root, path))
            })
            .collect()
    }

    /// Distinct `name@version` of packages whose source is the registry, sorted. This is the
    /// set advisories and registry checks work on.
    pub fn registry_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .packages
            .iter()
            .filter(|p| matches!(p.source, Source::Registry { .. }))
            .map(Package::id_string)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Nodes grouped by name, for lookups by package name.
    pub fn by_name(&self) -> HashMap<&str, Vec<PackageId>> {
        let mut map: HashMap<&str, Vec<PackageId>> = HashMap::new();
        for (id, p) in self.iter() {
            map.entry(p.name.as_str()).or_default().push(id);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg(name: &str, deps: &[u32]) -> Package {
        Package {
            name: name.into(),
            version: "1.0.0".into(),
            source: Source::Registry { resolved: None },
            integrity: None,
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            bundled: false,
            dependencies: deps
                .iter()
                .map(|&d| Edge {
                    name: format!("p{d}"),
                    spec: "1.0.0".into(),
                    kind: DepKind::Prod,
                    target: Some(PackageId(d)),
                })
                .collect(),
            key: name.into(),
            location: Location::default(),
        }
    }

    #[test]
    fn unreachable_and_paths() {
        let mut g = DependencyGraph::new(LockfileInfo {
            path: "x".into(),
            format: LockfileFormat::Npm,
            version: "3".into(),
        });
        g.add_package(pkg("a", &[1]));
        g.add_package(pkg("b", &[]));
        g.add_package(pkg("orphan", &[1]));
        g.importers.push(Importer {
            path: ".".into(),
            name: None,
            dependencies: vec![Edge {
                name: "a".into(),
                spec: "^1".into(),
                kind: DepKind::Prod,
                target: Some(PackageId(0)),
            }],
            package: None,
        });
        assert_eq!(g.unreachable(), vec![PackageId(2)]);
        let paths = g.shortest_paths();
        assert_eq!(paths[1], Some((0, vec![PackageId(0), PackageId(1)])));
        assert_eq!(paths[2], None);
    }
}
