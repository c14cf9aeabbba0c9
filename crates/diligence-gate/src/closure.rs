//! The transitive dependency closure of one or more specs, resolved from packuments with npm
//! semantics ([`crate::spec::resolve`]) — what `npm install <spec>` would bring in, without a
//! lockfile and without running anything.
//!
//! Followed: `dependencies`, `optionalDependencies` and `peerDependencies` (npm 7+ installs
//! peers). Each distinct `name@version` appears once; a range is resolved independently per
//! dependent (like npm when nesting), so a closure can hold two versions of one name. Deps that
//! cannot be resolved (no packument, no matching version, a git/URL/file spec) become
//! [`NotEvaluated`] records: the closure is then incomplete and the caller must not call it
//! vetted.

use crate::spec::{Spec, Wanted, resolve};
use diligence_finding::NotEvaluated;
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, Source,
};
use diligence_packument::{Packument, VersionManifest};
use diligence_registry::RegistryClient;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// Where packuments come from: the registry client, or a map in tests.
pub trait PackumentSource: Sync {
    /// The full packument of `name`; `Err` is a one-line reason.
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String>;
}

impl PackumentSource for RegistryClient {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        RegistryClient::packument(self, name).map_err(|e| e.to_string())
    }
}

impl PackumentSource for HashMap<String, Arc<Packument>> {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        self.get(name)
            .cloned()
            .ok_or_else(|| format!("{name}: not found on the registry"))
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
    /// Roots first (in spec order), then breadth-first by depth, then by name.
    pub packages: Vec<ResolvedPackage>,
    /// The packuments used, by name (the metadata rules need them).
    pub packuments: HashMap<String, Arc<Packument>>,
    /// Dependencies that could not be resolved.
    pub not_evaluated: Vec<NotEvaluated>,
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
                name: p.name.clone(),
                version: p.version.clone(),
                source: Source::Registry {
                    resolved: Some(p.manifest.dist.tarball.clone()),
                },
                integrity,
                dev: false,
                optional: false,
                peer: false,
                has_install_script: false,
                dependencies: Vec::new(),
                key: p.id(),
                location: Location::default(),
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

/// One pending request: resolve `name` with `wanted` for `parent`.
struct Request {
    name: String,
    wanted: Result<Wanted, String>,
    parent: Option<String>,
}

/// Resolves `specs` and everything they depend on. Fetches one breadth-first level of
/// packuments at a time, in parallel.
pub fn resolve_closure(source: &dyn PackumentSource, specs: &[Spec]) -> Closure {
    let mut closure = Closure::default();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut level: Vec<Request> = specs
        .iter()
        .map(|s| Request {
            name: s.name.clone(),
            wanted: Ok(s.wanted.clone()),
            parent: None,
        })
        .collect();
    let mut depth = 0;
    while !level.is_empty() {
        fetch_missing(source, &level, &mut closure);
        let mut next = Vec::new();
        for req in level {
            let Some(pkg) = resolve_request(&req, &mut closure) else {
                continue;
            };
            if !seen.insert((pkg.name.clone(), pkg.version.clone())) {
                continue;
            }
            next.extend(dependency_requests(&pkg));
            closure.packages.push(ResolvedPackage { depth, ..pkg });
        }
        next.sort_by(|a, b| a.name.cmp(&b.name));
        level = next;
        depth += 1;
    }
    closure
}

/// Fetches, in parallel, the packuments of this level that are not fetched yet.
fn fetch_missing(source: &dyn PackumentSource, level: &[Request], closure: &mut Closure) {
    let names: BTreeSet<&str> = level
        .iter()
        .filter(|r| r.wanted.is_ok() && !closure.packuments.contains_key(&r.name))
        .map(|r| r.name.as_str())
        .collect();
    let fetched: Vec<(&str, Result<Arc<Packument>, String>)> = names
        .into_par_iter()
        .map(|n| (n, source.packument(n)))
        .collect();
    for (name, result) in fetched {
        match result {
            Ok(p) => {
                closure.packuments.insert(name.to_string(), p);
            }
            Err(why) => closure.not_evaluated.push(NotEvaluated {
                what: format!("dependency resolution of {name}"),
                why,
            }),
        }
    }
}

/// Resolves one request against its packument; failures are recorded as not evaluated.
fn resolve_request(req: &Request, closure: &mut Closure) -> Option<ResolvedPackage> {
    let via = req
        .parent
        .as_deref()
        .map(|p| format!(" (required by {p})"))
        .unwrap_or_default();
    let wanted = match &req.wanted {
        Ok(w) => w,
        Err(why) => {
            closure.not_evaluated.push(NotEvaluated {
                what: format!("dependency resolution of {}{via}", req.name),
                why: why.clone(),
            });
            return None;
        }
    };
    let packument = closure.packuments.get(&req.name)?;
    let version = match resolve(packument, wanted) {
        Ok(v) => v,
        Err(e) => {
            closure.not_evaluated.push(NotEvaluated {
                what: format!("dependency resolution of {}{via}", req.name),
                why: e.to_string(),
            });
            return None;
        }
    };
    let manifest = packument.versions.get(&version)?.clone();
    Some(ResolvedPackage {
        name: req.name.clone(),
        version,
        manifest,
        required_by: req.parent.clone(),
        depth: 0,
    })
}

/// The dependency requests a version manifest makes (`dependencies`, then optional and peer
/// dependencies not already listed), with `npm:` aliases followed to the real name.
fn dependency_requests(pkg: &ResolvedPackage) -> Vec<Request> {
    let m = &pkg.manifest;
    let mut all: BTreeMap<&str, &str> = BTreeMap::new();
    for deps in [
        &m.peer_dependencies,
        &m.optional_dependencies,
        &m.dependencies,
    ] {
        for (name, range) in deps {
            all.insert(name, range);
        }
    }
    all.into_iter()
        .map(|(name, range)| {
            let (name, wanted) = match range.strip_prefix("npm:") {
                Some(alias) => match Spec::parse(alias) {
                    Ok(s) => (s.name, Ok(s.wanted)),
                    Err(e) => (name.to_string(), Err(e.to_string())),
                },
                None => (name.to_string(), Spec::parse_wanted(range.trim())),
            };
            Request {
                name,
                wanted,
                parent: Some(pkg.id()),
            }
        })
        .collect()
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
        let ids: Vec<(String, u32, Option<String>)> = c
            .packages
            .iter()
            .map(|p| (p.id(), p.depth, p.required_by.clone()))
            .collect();
        assert_eq!(
            ids,
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
                "dependency resolution of gone: gone: not found on the registry".to_string(),
                "dependency resolution of g (required by app@1.0.0): `github:x/y` is not a registry spec (git, URL or path)".to_string(),
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
}
