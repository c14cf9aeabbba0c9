//! The transitive dependency closure of one or more specs, resolved from packuments the way
//! `npm install <spec>` builds its ideal tree — what npm would install, without a lockfile and
//! without running anything (issue 13, item 4).
//!
//! Two phases:
//! 1. **Fetch**: breadth-first over names, every packument the tree may need is fetched in
//!    parallel, one level at a time.
//! 2. **Place**: npm's tree building (arborist's `buildIdealTree`), replayed in memory. Nodes
//!    are processed in npm's order (tree depth, then path); a dependency already visible from
//!    the dependent (in its own `node_modules` or an ancestor's) that satisfies the range is
//!    reused, else the version npm-pick-manifest would pick ([`crate::spec::resolve`]) is
//!    placed as high in the tree as it goes without a conflict.
//!
//! What npm does and this follows: `dependencies`, `optionalDependencies` and required
//! `peerDependencies` (npm 7+ installs peers); optional peers (`peerDependenciesMeta`) are left
//! out; dependencies bundled in a tarball are not fetched; a name in both `dependencies` and
//! `optionalDependencies` is optional. The lockfile npm writes holds optional packages for
//! every platform; `npm install` then skips those whose `os`/`cpu`/`libc` do not match the
//! machine, with everything only they pull in. [`ClosureOptions::platform`] does the same
//! (`None`: every platform, the lockfile's set).
//!
//! Each distinct `name@version` appears once. Dependencies that cannot be resolved (no
//! packument, no matching version, a git/URL/file spec) become [`NotEvaluated`] records: the
//! closure is then incomplete and the caller must not call it vetted. An optional dependency
//! that cannot be resolved is skipped, as npm skips it.

use crate::spec::{Spec, Wanted, resolve_with};
use diligence_finding::NotEvaluated;
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, LockfileFormat, LockfileInfo, Package,
    Source,
};
use diligence_packument::{Packument, VersionManifest};
use diligence_registry::RegistryClient;
use nodejs_semver::{Range, Version};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Where packuments come from: the registry client, or a map in tests.
pub trait PackumentSource: Sync {
    /// The full packument of `name`; `Err` is a one-line reason.
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String>;

    /// Whether the registry has `name`: `Some(false)` only when it says so (a 404), `None`
    /// when it could not be asked.
    fn exists(&self, name: &str) -> Option<bool> {
        self.packument(name).ok().map(|_| true)
    }
}

impl PackumentSource for RegistryClient {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        RegistryClient::packument(self, name).map_err(|e| e.to_string())
    }

    fn exists(&self, name: &str) -> Option<bool> {
        match RegistryClient::packument(self, name) {
            Ok(_) => Some(true),
            Err(diligence_registry::RegistryError::NotFound { .. }) => Some(false),
            Err(_) => None,
        }
    }
}

impl PackumentSource for HashMap<String, Arc<Packument>> {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        self.get(name)
            .cloned()
            .ok_or_else(|| format!("{name}: not found on the registry"))
    }

    fn exists(&self, name: &str) -> Option<bool> {
        Some(self.contains_key(name))
    }
}

/// The specs a closure did not resolve, as names a person asked for, with whether the
/// registry has them: the input of the typosquat rule's "did you mean …?"
/// ([`diligence_metadata::check_requested_names`]).
pub fn unresolved_requests(
    source: &dyn PackumentSource,
    specs: &[Spec],
    closure: &Closure,
) -> Vec<diligence_metadata::RequestedName> {
    specs
        .iter()
        .filter(|s| {
            !closure
                .packages
                .iter()
                .any(|p| p.depth == 0 && p.name == s.name)
        })
        .map(|s| diligence_metadata::RequestedName {
            spec: s.name.clone(),
            version: None,
            exists: match closure.packuments.contains_key(&s.name) {
                true => Some(true),
                false => source.exists(&s.name),
            },
        })
        .collect()
}

/// The machine a closure is resolved for, in npm's terms: `process.platform` (`linux`,
/// `darwin`, `win32` …), `process.arch` (`x64`, `arm64`, `ia32` …) and, on Linux, the C
/// library family (`glibc` or `musl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub os: String,
    pub cpu: String,
    pub libc: Option<String>,
}

impl Platform {
    /// The platform this program runs on.
    pub fn current() -> Platform {
        let os = match std::env::consts::OS {
            "macos" => "darwin",
            "windows" => "win32",
            other => other,
        };
        let cpu = match std::env::consts::ARCH {
            "x86_64" => "x64",
            "aarch64" => "arm64",
            "x86" => "ia32",
            "powerpc64" => "ppc64",
            "loongarch64" => "loong64",
            other => other,
        };
        let libc = (os == "linux").then(|| {
            if cfg!(target_env = "musl") {
                "musl"
            } else {
                "glibc"
            }
            .to_string()
        });
        Platform {
            os: os.into(),
            cpu: cpu.into(),
            libc,
        }
    }

    /// Whether a manifest's `os`, `cpu` and `libc` allow this platform, with npm-install-checks'
    /// rules: a list of names, `!name` excludes, `any` allows all; `libc` counts on Linux only.
    pub fn allows(&self, manifest: &VersionManifest) -> bool {
        let libc_ok = match (&self.libc, &manifest.libc) {
            (Some(libc), Some(list)) if self.os == "linux" => allowed(libc, list),
            _ => true,
        };
        manifest.os.as_ref().is_none_or(|l| allowed(&self.os, l))
            && manifest.cpu.as_ref().is_none_or(|l| allowed(&self.cpu, l))
            && libc_ok
    }
}

/// npm-install-checks' `checkList`: `value` against a string or an array of (possibly `!`-
/// negated) names.
fn allowed(value: &str, list: &serde_json::Value) -> bool {
    let entries: Vec<&str> = match list {
        serde_json::Value::String(s) => vec![s.as_str()],
        serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
        _ => return true,
    };
    if entries == ["any"] {
        return true;
    }
    let mut negated = 0;
    let mut matched = false;
    for entry in &entries {
        match entry.strip_prefix('!') {
            Some(name) => {
                negated += 1;
                if name == value {
                    return false;
                }
            }
            None => matched |= *entry == value,
        }
    }
    matched || negated == entries.len()
}

/// How to resolve a closure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureOptions {
    /// Leave out optional packages this platform cannot run (`None`: keep every platform's,
    /// as the lockfile npm writes does; `check --all-platforms`).
    pub platform: Option<Platform>,
    /// The Node.js version the install runs with: ranges prefer versions whose
    /// `engines.node` accepts it, as npm does ([`crate::spec::resolve_with`]). `None`: do not
    /// consult `engines`.
    pub node: Option<Version>,
}

impl Default for ClosureOptions {
    /// The current platform, `engines` not consulted.
    fn default() -> Self {
        ClosureOptions {
            platform: Some(Platform::current()),
            node: None,
        }
    }
}

/// One package of the closure.
#[derive(Debug, Clone)]
pub struct ResolvedPackage {
    pub name: String,
    pub version: String,
    /// The version document from the packument (dist, scripts, dependencies …).
    pub manifest: VersionManifest,
    /// `name@version` of the first dependent that pulled it in; `None` for a root.
    pub required_by: Option<String>,
    /// 0 for roots, 1 for their direct dependencies, …
    pub depth: u32,
}

impl ResolvedPackage {
    /// `name@version`.
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }
}

/// The resolved closure.
#[derive(Debug, Clone, Default)]
pub struct Closure {
    /// Roots first (in spec order), then by depth, then by name and version.
    pub packages: Vec<ResolvedPackage>,
    /// The packuments used, by name (the metadata rules need them).
    pub packuments: HashMap<String, Arc<Packument>>,
    /// Dependencies that could not be resolved.
    pub not_evaluated: Vec<NotEvaluated>,
    /// Optional packages left out because the platform cannot run them (`name@version`).
    pub skipped_for_platform: Vec<String>,
}

impl Closure {
    /// The closure as a lockfile-less graph for the checks that read graphs (advisories with
    /// their dependency paths, typosquat, the code layer): one root importer (`.`) depending
    /// on the roots, an edge from each `required_by` package to the package it pulled in, each
    /// package's `resolved` the packument's `dist.tarball` and its integrity the packument's
    /// `dist.integrity`. `label` stands for the lockfile path in finding locations.
    pub fn graph(&self, label: &str) -> DependencyGraph {
        let mut graph = DependencyGraph::new(LockfileInfo {
            path: label.into(),
            format: LockfileFormat::Npm,
            version: "registry".into(),
        });
        let mut ids = HashMap::new();
        for p in &self.packages {
            let integrity = p
                .manifest
                .dist
                .integrity
                .as_deref()
                .and_then(|i| Integrity::parse_sri(i).ok());
            let id = graph.add_package(Package {
                integrity,
                ..Package::new(
                    &p.name,
                    &p.version,
                    Source::Registry {
                        resolved: Some(p.manifest.dist.tarball.clone()),
                    },
                    &p.id(),
                )
            });
            ids.insert(p.id(), id);
        }
        let mut root = Importer {
            path: ".".into(),
            name: None,
            dependencies: Vec::new(),
            package: None,
        };
        for p in &self.packages {
            let edge = Edge {
                name: p.name.clone(),
                spec: p.version.clone(),
                kind: DepKind::Prod,
                target: ids.get(&p.id()).copied(),
            };
            match p.required_by.as_ref().and_then(|r| ids.get(r)) {
                Some(parent) => graph.packages[parent.index()].dependencies.push(edge),
                None => root.dependencies.push(edge),
            }
        }
        graph.importers.push(root);
        graph
    }
}

/// Resolves `specs` and everything they depend on for the current platform.
pub fn resolve_closure(source: &dyn PackumentSource, specs: &[Spec]) -> Closure {
    resolve_closure_with(source, specs, &ClosureOptions::default())
}

/// Resolves `specs` and everything they depend on (see the module docs).
pub fn resolve_closure_with(
    source: &dyn PackumentSource,
    specs: &[Spec],
    opts: &ClosureOptions,
) -> Closure {
    let mut closure = Closure::default();
    let node = opts.node.as_ref();
    prefetch(source, specs, node, &mut closure);
    let mut tree = Tree {
        node: opts.node.clone(),
        ..Tree::default()
    };
    tree.build(source, specs, &mut closure);
    let keep = tree.installed(opts.platform.as_ref(), &mut closure.skipped_for_platform);
    closure.packages = tree.packages(&keep);
    closure
}

/// How a dependent asks for a dependency (arborist's edge types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EdgeKind {
    Prod,
    Optional,
    Peer,
}

/// One dependency a package declares.
#[derive(Debug, Clone)]
struct Dep {
    name: String,
    wanted: Result<Wanted, String>,
    kind: EdgeKind,
}

/// The dependencies npm follows for a manifest, by name (later kinds override earlier ones as
/// in arborist: peers, then `dependencies`, then `optionalDependencies`), without optional
/// peers and bundled names, with `npm:` aliases followed to the real name.
fn dependencies(m: &VersionManifest) -> Vec<Dep> {
    let bundled: HashSet<&str> = m.bundled().into_iter().collect();
    let mut by_name: BTreeMap<&str, (&str, EdgeKind)> = BTreeMap::new();
    for (name, range) in &m.peer_dependencies {
        if !m.optional_peer(name) {
            by_name.insert(name, (range, EdgeKind::Peer));
        }
    }
    for (name, range) in &m.dependencies {
        by_name.insert(name, (range, EdgeKind::Prod));
    }
    for (name, range) in &m.optional_dependencies {
        by_name.insert(name, (range, EdgeKind::Optional));
    }
    by_name
        .into_iter()
        .filter(|(name, _)| !bundled.contains(name))
        .map(|(name, (range, kind))| {
            let (name, wanted) = match range.strip_prefix("npm:") {
                Some(alias) => match Spec::parse(alias) {
                    Ok(s) => (s.name, Ok(s.wanted)),
                    Err(e) => (name.to_string(), Err(e.to_string())),
                },
                None => (name.to_string(), Spec::parse_wanted(range.trim())),
            };
            Dep { name, wanted, kind }
        })
        .collect()
}

/// Phase 1: fetches, a breadth-first level at a time and in parallel, the packuments of every
/// name reachable when each range is resolved on its own (a superset of what placement needs).
fn prefetch(
    source: &dyn PackumentSource,
    specs: &[Spec],
    node: Option<&Version>,
    closure: &mut Closure,
) {
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut level: Vec<(String, Wanted)> = specs
        .iter()
        .map(|s| (s.name.clone(), s.wanted.clone()))
        .collect();
    let mut failed: HashSet<String> = HashSet::new();
    while !level.is_empty() {
        let missing: BTreeSet<&str> = level
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !closure.packuments.contains_key(*n) && !failed.contains(*n))
            .collect();
        let fetched: Vec<(&str, Result<Arc<Packument>, String>)> = missing
            .into_par_iter()
            .map(|n| (n, source.packument(n)))
            .collect();
        for (name, result) in fetched {
            match result {
                Ok(p) => {
                    closure.packuments.insert(name.to_string(), p);
                }
                Err(_) => {
                    failed.insert(name.to_string());
                }
            }
        }
        let mut next = Vec::new();
        for (name, wanted) in level {
            let Some(p) = closure.packuments.get(&name) else {
                continue;
            };
            let Ok(version) = resolve_with(p, &wanted, node) else {
                continue;
            };
            if !seen.insert((name.clone(), version.clone())) {
                continue;
            }
            if let Some(m) = p.versions.get(&version) {
                next.extend(
                    dependencies(m)
                        .into_iter()
                        .filter_map(|d| Some((d.name, d.wanted.ok()?))),
                );
            }
        }
        level = next;
    }
}

/// A node of the ideal tree. Node 0 is the project (no manifest); the others are packages.
#[derive(Debug, Clone)]
struct Node {
    name: String,
    version: String,
    manifest: Option<VersionManifest>,
    /// The node whose `node_modules` holds this one.
    parent: Option<usize>,
    /// This node's `node_modules`: name → node.
    children: BTreeMap<String, usize>,
    /// `node_modules` nesting depth (1 = the project's `node_modules`).
    tree_depth: u32,
    /// `node_modules/a/node_modules/b`.
    path: String,
    /// Dependency distance from the project (0 = a root spec).
    depth: u32,
    required_by: Option<usize>,
}

/// Phase 2 state: the ideal tree.
#[derive(Debug, Default)]
struct Tree {
    nodes: Vec<Node>,
    /// Resolved edges: (from, name) → (to, kind).
    edges: Vec<(usize, usize, EdgeKind)>,
    /// [`ClosureOptions::node`].
    node: Option<Version>,
}

impl Tree {
    fn build(&mut self, source: &dyn PackumentSource, specs: &[Spec], closure: &mut Closure) {
        self.nodes.push(Node {
            name: String::new(),
            version: String::new(),
            manifest: None,
            parent: None,
            children: BTreeMap::new(),
            tree_depth: 0,
            path: String::new(),
            depth: 0,
            required_by: None,
        });
        let mut queue: BTreeSet<(u32, String, usize)> = BTreeSet::new();
        queue.insert((0, String::new(), 0));
        while let Some((_, _, node)) = queue.pop_first() {
            let deps = match &self.nodes[node].manifest {
                Some(m) => dependencies(m),
                None => specs
                    .iter()
                    .map(|s| Dep {
                        name: s.name.clone(),
                        wanted: Ok(s.wanted.clone()),
                        kind: EdgeKind::Prod,
                    })
                    .collect(),
            };
            let mut tasks = Vec::new();
            for dep in deps {
                let from = if dep.kind == EdgeKind::Peer {
                    self.nodes[node].parent.unwrap_or(0)
                } else {
                    node
                };
                let wanted = match &dep.wanted {
                    Ok(w) => w.clone(),
                    Err(why) => {
                        self.fail(closure, node, &dep, why.clone());
                        continue;
                    }
                };
                if let Some(to) = self.visible(from, &dep.name)
                    && self.satisfies(to, &wanted)
                {
                    self.edges.push((node, to, dep.kind));
                    continue;
                }
                let picked = match fetch_or_cached(source, closure, &dep.name).and_then(|p| {
                    resolve_with(&p, &wanted, self.node.as_ref())
                        .map_err(|e| e.to_string())
                        .map(|v| (p, v))
                }) {
                    Ok(picked) => picked,
                    Err(why) => {
                        self.fail(closure, node, &dep, why);
                        continue;
                    }
                };
                tasks.push((dep, from, picked));
            }
            tasks.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            for (dep, from, (packument, version)) in tasks {
                let Some(manifest) = packument.versions.get(&version) else {
                    continue;
                };
                let (to, placed) = self.place(from, &dep.name, &version, manifest, node);
                self.edges.push((node, to, dep.kind));
                if placed {
                    let n = &self.nodes[to];
                    queue.insert((n.tree_depth, n.path.clone(), to));
                }
            }
        }
    }

    /// Records a dependency that cannot be resolved (optional ones are skipped, as npm does).
    fn fail(&self, closure: &mut Closure, node: usize, dep: &Dep, why: String) {
        if dep.kind == EdgeKind::Optional {
            return;
        }
        let via = match node {
            0 => String::new(),
            n => format!(
                " (required by {}@{})",
                self.nodes[n].name, self.nodes[n].version
            ),
        };
        closure.not_evaluated.push(NotEvaluated {
            what: format!("dependency resolution of {}{via}", dep.name),
            why,
        });
    }

    /// The node `name` resolves to from `from`: its own `node_modules`, then each ancestor's.
    fn visible(&self, from: usize, name: &str) -> Option<usize> {
        let mut at = Some(from);
        while let Some(n) = at {
            if let Some(&child) = self.nodes[n].children.get(name) {
                return Some(child);
            }
            at = self.nodes[n].parent;
        }
        None
    }

    fn satisfies(&self, node: usize, wanted: &Wanted) -> bool {
        let version = &self.nodes[node].version;
        match wanted {
            Wanted::Tag(_) => false,
            Wanted::Range(r) if r.trim().is_empty() || r == "*" => true,
            Wanted::Range(r) => match (Range::parse(r), Version::parse(version)) {
                (Ok(range), Ok(v)) => range.satisfies(&v),
                _ => false,
            },
        }
    }

    /// Places `name@version` for a dependent whose resolution starts at `from`: as high as
    /// possible (walking up from `from`) until a location whose `node_modules` already holds
    /// another version of the name. Returns the node and whether it is new.
    fn place(
        &mut self,
        from: usize,
        name: &str,
        version: &str,
        manifest: &VersionManifest,
        dependent: usize,
    ) -> (usize, bool) {
        let mut target = from;
        let mut at = Some(from);
        while let Some(n) = at {
            match self.nodes[n].children.get(name) {
                Some(&existing) if self.nodes[existing].version == version => {
                    return (existing, false);
                }
                Some(_) => break,
                None => target = n,
            }
            at = self.nodes[n].parent;
        }
        let parent = &self.nodes[target];
        let path = if parent.path.is_empty() {
            format!("node_modules/{name}")
        } else {
            format!("{}/node_modules/{name}", parent.path)
        };
        let node = Node {
            name: name.to_string(),
            version: version.to_string(),
            manifest: Some(manifest.clone()),
            parent: Some(target),
            children: BTreeMap::new(),
            tree_depth: parent.tree_depth + 1,
            path,
            depth: if dependent == 0 {
                0
            } else {
                self.nodes[dependent].depth + 1
            },
            required_by: (dependent != 0).then_some(dependent),
        };
        let id = self.nodes.len();
        self.nodes.push(node);
        self.nodes[target].children.insert(name.to_string(), id);
        (id, true)
    }

    /// The nodes an install keeps: reachable from the project, not through an optional edge to
    /// a package `platform` cannot run (those are added to `skipped`).
    fn installed(&self, platform: Option<&Platform>, skipped: &mut Vec<String>) -> Vec<bool> {
        let mut keep = vec![false; self.nodes.len()];
        let mut out_edges: HashMap<usize, Vec<(usize, EdgeKind)>> = HashMap::new();
        for &(from, to, kind) in &self.edges {
            out_edges.entry(from).or_default().push((to, kind));
        }
        let mut skipped_set = BTreeSet::new();
        let mut stack = vec![0];
        keep[0] = true;
        while let Some(n) = stack.pop() {
            for &(to, kind) in out_edges.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                if keep[to] {
                    continue;
                }
                let manifest = self.nodes[to].manifest.as_ref();
                if let (Some(p), Some(m), EdgeKind::Optional) = (platform, manifest, kind)
                    && !p.allows(m)
                {
                    skipped_set.insert(format!(
                        "{}@{}",
                        self.nodes[to].name, self.nodes[to].version
                    ));
                    continue;
                }
                keep[to] = true;
                stack.push(to);
            }
        }
        skipped.extend(skipped_set);
        keep
    }

    /// The kept packages, each `name@version` once, roots first.
    fn packages(&self, keep: &[bool]) -> Vec<ResolvedPackage> {
        let mut by_id: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (i, n) in self.nodes.iter().enumerate().skip(1) {
            if keep[i] {
                let e = by_id
                    .entry((n.name.clone(), n.version.clone()))
                    .or_insert(i);
                if self.nodes[*e].depth > n.depth {
                    *e = i;
                }
            }
        }
        let mut out: Vec<(u32, usize, ResolvedPackage)> = by_id
            .into_values()
            .map(|i| {
                let n = &self.nodes[i];
                let required_by = n
                    .required_by
                    .map(|r| format!("{}@{}", self.nodes[r].name, self.nodes[r].version));
                let package = ResolvedPackage {
                    name: n.name.clone(),
                    version: n.version.clone(),
                    manifest: n.manifest.clone().unwrap_or_default(),
                    required_by,
                    depth: n.depth,
                };
                // Roots keep their spec order (node order); the rest sort by name.
                let order = if n.depth == 0 { i } else { 0 };
                (n.depth, order, package)
            })
            .collect();
        out.sort_by(|a, b| {
            (a.0, a.1, &a.2.name, &a.2.version).cmp(&(b.0, b.1, &b.2.name, &b.2.version))
        });
        out.into_iter().map(|(_, _, p)| p).collect()
    }
}

/// The packument of `name`, from the prefetched ones or fetched now.
fn fetch_or_cached(
    source: &dyn PackumentSource,
    closure: &mut Closure,
    name: &str,
) -> Result<Arc<Packument>, String> {
    if let Some(p) = closure.packuments.get(name) {
        return Ok(p.clone());
    }
    let p = source.packument(name)?;
    closure.packuments.insert(name.to_string(), p.clone());
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(name: &str, v: &str, deps: &[(&str, &str)]) -> VersionManifest {
        VersionManifest {
            name: name.into(),
            version: v.into(),
            dependencies: deps
                .iter()
                .map(|(n, r)| (n.to_string(), r.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn source(entries: &[(&str, &[VersionManifest])]) -> HashMap<String, Arc<Packument>> {
        entries
            .iter()
            .map(|(name, versions)| {
                let latest = versions
                    .last()
                    .map(|v| v.version.clone())
                    .unwrap_or_default();
                let p = Packument {
                    name: name.to_string(),
                    dist_tags: [("latest".to_string(), latest)].into(),
                    versions: versions
                        .iter()
                        .map(|v| (v.version.clone(), v.clone()))
                        .collect(),
                    ..Default::default()
                };
                (name.to_string(), Arc::new(p))
            })
            .collect()
    }

    fn ids(c: &Closure) -> Vec<String> {
        c.packages.iter().map(ResolvedPackage::id).collect()
    }

    #[test]
    fn closure_follows_ranges_dedupes_and_records_failures() {
        let src = source(&[
            (
                "app",
                &[version(
                    "app",
                    "1.0.0",
                    &[
                        ("a", "^1.0.0"),
                        ("b", "~2.0.0"),
                        ("gone", "1"),
                        ("g", "github:x/y"),
                    ],
                )],
            ),
            (
                "a",
                &[
                    version("a", "1.0.0", &[]),
                    version("a", "1.2.0", &[("b", "2.0.x")]),
                ],
            ),
            (
                "b",
                &[
                    version("b", "2.0.1", &[("a", "^1")]),
                    version("b", "2.1.0", &[]),
                ],
            ),
        ]);
        let specs = [Spec::parse("app@1.0.0").unwrap()];
        let c = resolve_closure(&src, &specs);
        let got: Vec<(String, u32, Option<String>)> = c
            .packages
            .iter()
            .map(|p| (p.id(), p.depth, p.required_by.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("app@1.0.0".to_string(), 0, None),
                ("a@1.2.0".to_string(), 1, Some("app@1.0.0".to_string())),
                ("b@2.0.1".to_string(), 1, Some("app@1.0.0".to_string())),
            ]
        );
        let ne: Vec<String> = c
            .not_evaluated
            .iter()
            .map(|n| format!("{}: {}", n.what, n.why))
            .collect();
        assert_eq!(
            ne,
            [
                "dependency resolution of g (required by app@1.0.0): `github:x/y` is not a registry spec (git, URL or path)".to_string(),
                "dependency resolution of gone (required by app@1.0.0): gone: not found on the registry".to_string(),
            ]
        );
    }

    #[test]
    fn aliases_resolve_to_the_real_package() {
        let src = source(&[
            (
                "app",
                &[version("app", "1.0.0", &[("sw", "npm:string-width@^4")])],
            ),
            ("string-width", &[version("string-width", "4.2.3", &[])]),
        ]);
        let c = resolve_closure(&src, &[Spec::parse("app").unwrap()]);
        assert_eq!(c.packages[1].id(), "string-width@4.2.3");
        assert!(c.not_evaluated.is_empty());
    }

    /// Optional peers are left out; required peers come in; bundled names are not fetched.
    #[test]
    fn peers_and_bundles_follow_npm() {
        let mut ws = version("ws", "8.18.0", &[]);
        ws.peer_dependencies = [
            ("bufferutil".to_string(), "^4".to_string()),
            ("utf-8-validate".to_string(), ">=5".to_string()),
        ]
        .into();
        ws.peer_dependencies_meta = [
            (
                "bufferutil".to_string(),
                serde_json::json!({"optional": true}),
            ),
            (
                "utf-8-validate".to_string(),
                serde_json::json!({"optional": true}),
            ),
        ]
        .into();
        let mut plugin = version("plugin", "1.0.0", &[("inner", "^1")]);
        plugin.peer_dependencies = [("host".to_string(), "^2".to_string())].into();
        plugin.bundle_dependencies = Some(serde_json::json!(["inner"]));
        let src = source(&[
            ("ws", &[ws]),
            ("plugin", &[plugin]),
            ("host", &[version("host", "2.1.0", &[])]),
        ]);
        let c = resolve_closure(&src, &[Spec::parse("ws@8.18.0").unwrap()]);
        assert_eq!(ids(&c), ["ws@8.18.0"]);
        let c = resolve_closure(&src, &[Spec::parse("plugin").unwrap()]);
        assert_eq!(ids(&c), ["plugin@1.0.0", "host@2.1.0"]);
        assert!(c.not_evaluated.is_empty(), "{:?}", c.not_evaluated);
    }

    /// A version already visible that satisfies the range is reused; a conflicting one nests.
    #[test]
    fn visible_versions_are_reused_and_conflicts_nest() {
        let src = source(&[
            ("app", &[version("app", "1.0.0", &[("a", "1"), ("b", "1")])]),
            ("a", &[version("a", "1.0.0", &[("c", "1.0.0")])]),
            (
                "b",
                &[version("b", "1.0.0", &[("c", "^1.0.0"), ("d", "2")])],
            ),
            (
                "c",
                &[
                    version("c", "1.0.0", &[]),
                    version("c", "1.5.0", &[]),
                    version("c", "2.0.0", &[]),
                ],
            ),
            ("d", &[version("d", "2.0.0", &[("c", "^2")])]),
        ]);
        let c = resolve_closure(&src, &[Spec::parse("app").unwrap()]);
        // a places c@1.0.0 at the top; b reuses it; d needs ^2 and nests c@2.0.0.
        assert_eq!(
            ids(&c),
            [
                "app@1.0.0",
                "a@1.0.0",
                "b@1.0.0",
                "c@1.0.0",
                "d@2.0.0",
                "c@2.0.0"
            ]
        );
    }

    #[test]
    fn platform_lists_follow_npm_install_checks() {
        let linux = Platform {
            os: "linux".into(),
            cpu: "x64".into(),
            libc: Some("glibc".into()),
        };
        let m = |os: serde_json::Value, cpu: serde_json::Value, libc: Option<serde_json::Value>| {
            VersionManifest {
                os: Some(os),
                cpu: Some(cpu),
                libc,
                ..Default::default()
            }
        };
        use serde_json::json;
        assert!(linux.allows(&m(json!(["linux"]), json!(["x64"]), None)));
        assert!(linux.allows(&m(json!(["!win32"]), json!("any"), None)));
        assert!(!linux.allows(&m(json!(["darwin"]), json!(["x64"]), None)));
        assert!(!linux.allows(&m(json!(["linux"]), json!(["arm64"]), None)));
        assert!(!linux.allows(&m(json!(["linux"]), json!(["x64"]), Some(json!(["musl"])))));
        assert!(linux.allows(&m(json!(["linux"]), json!(["x64"]), Some(json!(["glibc"])))));
    }
}
