//! Vetting a set of registry packages before install: packument metadata rules (and
//! typosquat: [`VetOptions::requested`] names as asked for, the rest as dependencies), OSV
//! advisories, and static analysis of each verified tarball.
//!
//! The result separates two kinds of gaps:
//! - [`Vetting::unvetted`]: a package or a whole layer could not be checked (no packument, the
//!   tarball could not be fetched or failed its integrity check, the analyser could only read
//!   part of it — truncated archive, a size limit, an unparseable file —, no advisory data).
//!   The gate must not install on these unless the user forces it.
//! - [`Vetting::not_evaluated`]: one rule lacked its input for one package (a mirror that
//!   strips `maintainers` or `time.created`); reported, not blocking.
//!
//! Code findings are added only for packages the analyser calls `suspicious` or `malicious`:
//! the verdict already weighs capabilities against threats, and a capability alone (a clean
//! verdict) must not block an install.

use crate::closure::ResolvedPackage;
use diligence_advisory::AdvisoryDb;
use diligence_analyze::{ScanOptions, Verdict};
use diligence_finding::{Finding, NotEvaluated};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, Source,
};
use diligence_metadata::MetadataPolicy;
use diligence_packument::Packument;
use diligence_registry::RegistryClient;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::SystemTime;

/// One package to vet.
#[derive(Debug, Clone)]
pub struct VetTarget {
    pub name: String,
    pub version: String,
    /// The integrity the package manager will check (from a lockfile), when known; the
    /// tarball is verified against it and against the packument's `dist.integrity`.
    pub integrity: Option<Integrity>,
    /// `name@version` of the target that pulled this one in (`None`: asked for directly).
    /// Gives advisories their dependency path.
    pub required_by: Option<String>,
}

impl From<&ResolvedPackage> for VetTarget {
    fn from(p: &ResolvedPackage) -> VetTarget {
        VetTarget {
            name: p.name.clone(),
            version: p.version.clone(),
            integrity: None,
            required_by: p.required_by.clone(),
        }
    }
}

/// The advisory layer's input.
pub enum Advisories {
    /// Check against this database.
    Db(AdvisoryDb),
    /// The user switched the layer off (`--no-advisories`).
    Skipped,
    /// The database could not be opened: every package is unvetted for advisories.
    Unavailable(NotEvaluated),
}

/// What to check and with which settings.
pub struct VetOptions {
    pub advisories: Advisories,
    /// Run the static analyser on each tarball.
    pub code: bool,
    pub policy: MetadataPolicy,
    /// Reference time for ages (publish age, dormancy).
    pub now: SystemTime,
    /// Label for finding locations (`express@4.18.2`, or the lockfile path).
    pub label: String,
    /// Names the person asked for (the specs of `check`, the arguments of `install`): the
    /// typosquat rule judges these as requested names, every other target as a dependency.
    pub requested: Vec<String>,
}

/// The outcome of vetting.
#[derive(Debug, Clone, Default)]
pub struct Vetting {
    pub findings: Vec<Finding>,
    /// Rule-level gaps (reported, not blocking).
    pub not_evaluated: Vec<NotEvaluated>,
    /// Package- or layer-level gaps (blocking unless forced).
    pub unvetted: Vec<NotEvaluated>,
    /// `name@version` → code verdict, for packages whose tarball was scanned.
    pub verdicts: Vec<(String, Verdict)>,
}

/// Vets `targets`, taking packuments from `packuments` (fetching missing ones through
/// `client`) and tarballs through `client` (verified, cached by integrity).
pub fn vet(
    targets: &[VetTarget],
    packuments: &HashMap<String, Arc<Packument>>,
    client: &RegistryClient,
    opts: &VetOptions,
) -> Vetting {
    let mut out = Vetting::default();
    let packuments = complete_packuments(targets, packuments, client, &mut out);
    metadata_layer(targets, &packuments, opts, &mut out);
    advisory_layer(targets, &packuments, opts, &mut out);
    if opts.code {
        code_layer(targets, &packuments, client, &mut out);
    }
    out
}

/// The packuments of every target, fetching those not given; failures are unvetted.
fn complete_packuments(
    targets: &[VetTarget],
    given: &HashMap<String, Arc<Packument>>,
    client: &RegistryClient,
    out: &mut Vetting,
) -> HashMap<String, Arc<Packument>> {
    let mut all = given.clone();
    let mut missing: Vec<&str> = targets
        .iter()
        .map(|t| t.name.as_str())
        .filter(|n| !given.contains_key(*n))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let fetched: Vec<_> = missing
        .par_iter()
        .map(|n| (*n, client.packument(n)))
        .collect();
    for (name, result) in fetched {
        match result {
            Ok(p) => {
                all.insert(name.to_string(), p);
            }
            Err(e) => out.unvetted.push(NotEvaluated {
                what: format!("packument of {name}"),
                why: e.to_string(),
            }),
        }
    }
    all
}

fn metadata_layer(
    targets: &[VetTarget],
    packuments: &HashMap<String, Arc<Packument>>,
    opts: &VetOptions,
    out: &mut Vetting,
) {
    for t in targets {
        let Some(p) = packuments.get(&t.name) else {
            continue;
        };
        let (findings, not_evaluated) = diligence_metadata::check_package_with(
            p,
            &t.version,
            opts.now,
            &opts.policy,
            packuments,
        );
        out.findings.extend(findings);
        out.not_evaluated.extend(not_evaluated);
        let context = match opts.requested.contains(&t.name) {
            true => diligence_metadata::NameContext::Requested { exists: Some(true) },
            false => diligence_metadata::NameContext::Locked,
        };
        let allowlist = &opts.policy.typosquat_allowlist;
        out.findings.extend(diligence_metadata::check_name(
            &t.name, &t.version, context, allowlist,
        ));
    }
}

fn advisory_layer(
    targets: &[VetTarget],
    packuments: &HashMap<String, Arc<Packument>>,
    opts: &VetOptions,
    out: &mut Vetting,
) {
    let db = match &opts.advisories {
        Advisories::Skipped => return,
        Advisories::Unavailable(ne) => {
            out.unvetted.push(ne.clone());
            return;
        }
        Advisories::Db(db) => db,
    };
    let graph = graph_of(targets, packuments, &opts.label);
    match diligence_advisory::check(&graph, db) {
        Ok(findings) => out.findings.extend(findings),
        Err(e) => out.unvetted.push(diligence_advisory::not_evaluated(&e)),
    }
}

/// A lockfile-less graph of the targets, for the graph-based advisory matcher: one root
/// importer (`.`) depending on the targets asked for directly, and an edge from each
/// `required_by` package to the target it pulled in.
pub fn graph_of(
    targets: &[VetTarget],
    packuments: &HashMap<String, Arc<Packument>>,
    label: &str,
) -> DependencyGraph {
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: label.into(),
        format: LockfileFormat::Npm,
        version: "registry".into(),
    });
    let mut ids = HashMap::new();
    for t in targets {
        let resolved = packuments
            .get(&t.name)
            .and_then(|p| p.version(&t.version))
            .map(|m| m.dist.tarball.clone());
        let key = format!("{}@{}", t.name, t.version);
        let id = graph.add_package(Package {
            name: t.name.clone(),
            version: t.version.clone(),
            source: Source::Registry { resolved },
            integrity: t.integrity.clone(),
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            dependencies: Vec::new(),
            key: key.clone(),
            location: Location::default(),
        });
        ids.insert(key, id);
    }
    let mut root = Importer {
        path: ".".into(),
        name: None,
        dependencies: Vec::new(),
        package: None,
    };
    for t in targets {
        let edge = Edge {
            name: t.name.clone(),
            spec: t.version.clone(),
            kind: DepKind::Prod,
            target: ids.get(&format!("{}@{}", t.name, t.version)).copied(),
        };
        match t.required_by.as_ref().and_then(|p| ids.get(p)) {
            Some(parent) => graph.packages[parent.index()].dependencies.push(edge),
            None => root.dependencies.push(edge),
        }
    }
    graph.importers.push(root);
    graph
}

fn code_layer(
    targets: &[VetTarget],
    packuments: &HashMap<String, Arc<Packument>>,
    client: &RegistryClient,
    out: &mut Vetting,
) {
    let results: Vec<_> = targets
        .par_iter()
        .filter_map(|t| {
            let manifest = packuments.get(&t.name)?.version(&t.version)?;
            Some((t, scan_one(t, manifest, client)))
        })
        .collect();
    for (t, result) in results {
        let id = format!("{}@{}", t.name, t.version);
        match result {
            Ok(scan) => {
                out.unvetted
                    .extend(scan.not_evaluated.iter().map(|why| NotEvaluated {
                        what: format!("code of {id}"),
                        why: why.clone(),
                    }));
                if scan.verdict != Verdict::Clean {
                    out.findings.extend(scan.to_findings(&t.name, &t.version));
                }
                out.verdicts.push((id, scan.verdict));
            }
            Err(why) => out.unvetted.push(NotEvaluated {
                what: format!("code of {id}"),
                why,
            }),
        }
    }
    for t in targets {
        let known = packuments
            .get(&t.name)
            .and_then(|p| p.version(&t.version))
            .is_some();
        if !known && packuments.contains_key(&t.name) {
            out.unvetted.push(NotEvaluated {
                what: format!("code of {}@{}", t.name, t.version),
                why: "version not in the packument".into(),
            });
        }
    }
}

/// Fetches (verified) and scans one tarball, comparing it with the registry's manifest.
fn scan_one(
    t: &VetTarget,
    manifest: &diligence_packument::VersionManifest,
    client: &RegistryClient,
) -> Result<diligence_analyze::PackageScan, String> {
    let bytes = client
        .fetch_tarball_of(&t.name, manifest, t.integrity.as_ref())
        .map_err(|e| e.to_string())?;
    let opts = ScanOptions {
        registry_manifest: registry_manifest(manifest),
        ..Default::default()
    };
    let label = format!("{}@{}", t.name, t.version);
    diligence_analyze::scan_tarball(&bytes, &label, &opts).map_err(|e| e.to_string())
}

/// The version document as JSON for the manifest-confusion comparison, without the `null`s
/// the typed manifest writes for absent optional fields (absent must stay absent).
fn registry_manifest(manifest: &diligence_packument::VersionManifest) -> Option<serde_json::Value> {
    let mut value = serde_json::to_value(manifest).ok()?;
    if let Some(object) = value.as_object_mut() {
        object.retain(|_, v| !v.is_null());
    }
    Some(value)
}
