//! The check layers over a graph: each takes the graph (and the scope of packages the
//! per-package layers look at) and returns findings and not-evaluated records. Every error
//! path ends in one of the two.

use crate::config::ProjectConfig;
use diligence_advisory::AdvisoryDb;
use diligence_finding::{Finding, NotEvaluated, Outcome};
use diligence_graph::{DependencyGraph, Integrity, Package, Source};
use diligence_lockfile_rules::DeclaredDependencies;
use diligence_registry::{CrosscheckOptions, PackumentKind, RegistryClient};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Findings and not-evaluated records of one layer.
#[derive(Default)]
pub(crate) struct Layer {
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
}

impl Layer {
    pub fn add(&mut self, other: Layer) {
        self.findings.extend(other.findings);
        self.not_evaluated.extend(other.not_evaluated);
    }

    fn gap(what: &str, why: impl Into<String>) -> Layer {
        Layer {
            findings: Vec::new(),
            not_evaluated: vec![NotEvaluated::new(what, why)],
        }
    }
}

/// The lockfile rules (with the importers' manifests), typosquat and dependency confusion.
pub(crate) fn lockfile(
    graph: &DependencyGraph,
    declared: &DeclaredDependencies,
    config: &ProjectConfig,
) -> Layer {
    let mut findings = diligence_lockfile_rules::check_with(graph, &config.lockfile, declared);
    findings.extend(names(graph, config).findings);
    let (f, not_evaluated) =
        diligence_metadata::rules::dependency_confusion::check(graph, &config.metadata);
    findings.extend(f);
    Layer {
        findings,
        not_evaluated,
    }
}

/// One not-evaluated record per `lockfile/unlocked-dependency` finding: the install resolves
/// the dependency from the registry at install time, so the code that gets installed was not
/// reviewed by any layer.
pub(crate) fn unlocked_gaps(findings: &[Finding]) -> Vec<NotEvaluated> {
    let rule = diligence_lockfile_rules::rules::unlocked_dependency::UNLOCKED_DEPENDENCY.id;
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| {
            let name = f.evidence["dependency"].as_str().unwrap_or("?");
            let spec = f.evidence["spec"].as_str().unwrap_or("?");
            NotEvaluated::new(
                format!("code scan of {name} ({spec})"),
                "not locked: the install resolves it from the registry, so what gets installed was not reviewed (relock, then run again)",
            )
        })
        .collect()
}

/// Typosquat over every registry name of the graph (lockfile severities: look-alikes of
/// packages outside the top 1,000 are medium).
pub(crate) fn names(graph: &DependencyGraph, config: &ProjectConfig) -> Layer {
    Layer {
        findings: diligence_metadata::rules::typosquat::check(
            graph,
            &config.metadata.typosquat_allowlist,
        ),
        not_evaluated: Vec::new(),
    }
}

/// Judges the typosquat findings on `requested` (names a person typed: the specs of `check`,
/// the direct dependencies a `diff` or an install adds) as requested names rather than locked
/// ones ([`diligence_metadata::NameContext::Requested`]: a slip of a top-1,000 name is high,
/// a look-alike that is not a slip low), keeping each finding's location.
pub(crate) fn regrade_requested(
    findings: &mut [Finding],
    requested: &BTreeSet<String>,
    allowlist: &[String],
) {
    use diligence_metadata::NameContext;
    for f in findings.iter_mut() {
        if f.rule != diligence_metadata::rules::typosquat::TYPOSQUAT.id {
            continue;
        }
        let Some(p) = f.package.as_ref().filter(|p| requested.contains(&p.name)) else {
            continue;
        };
        let context = NameContext::Requested { exists: Some(true) };
        if let Some(mut judged) =
            diligence_metadata::check_name(&p.name, &p.version, context, allowlist)
        {
            judged.location = f.location.take();
            *f = judged;
        }
    }
}

/// OSV advisories over the graph; an unusable database or index is not evaluated.
pub(crate) fn advisories(graph: &DependencyGraph, db: Result<&AdvisoryDb, &NotEvaluated>) -> Layer {
    let db = match db {
        Ok(db) => db,
        Err(ne) => {
            return Layer {
                findings: Vec::new(),
                not_evaluated: vec![ne.clone()],
            };
        }
    };
    match diligence_advisory::check_all(graph, db) {
        Ok((findings, not_evaluated)) => Layer {
            findings,
            not_evaluated,
        },
        Err(e) => Layer {
            findings: Vec::new(),
            not_evaluated: vec![diligence_advisory::not_evaluated(&e)],
        },
    }
}

/// What the registry cross-check found besides findings: which entries' lockfile integrity
/// disagrees with the packument (the code layer then fetches by the packument's).
#[derive(Default)]
pub(crate) struct RegistryFacts {
    pub integrity_flagged: HashSet<String>,
}

/// The registry cross-checks of the in-scope registry entries, and the berry checksums
/// rebuilt from the registry tarballs.
pub(crate) fn registry(
    graph: &DependencyGraph,
    in_scope: &(dyn Fn(&Package) -> bool + Sync),
    client: &RegistryClient,
    kind: PackumentKind,
    progress: bool,
) -> (Layer, RegistryFacts) {
    let options = CrosscheckOptions {
        verify_tarballs: false,
        progress,
        packument_kind: kind,
    };
    let (findings, not_evaluated) =
        diligence_registry::crosscheck_only(graph, client, &options, in_scope);
    let mut facts = RegistryFacts::default();
    for f in &findings {
        if f.rule == diligence_registry::rules::integrity_mismatch::INTEGRITY_MISMATCH.id
            && let Some(p) = &f.package
        {
            facts
                .integrity_flagged
                .insert(format!("{}@{}", p.name, p.version));
        }
    }
    // Berry checksums: the cross-check cannot compare them; the berry layer does.
    let berry: Vec<&Package> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.integrity, Some(Integrity::BerryChecksum(_))))
        .filter(|p| matches!(p.source, Source::Registry { .. }) && in_scope(p))
        .collect();
    let berry_ids: HashSet<String> = berry.iter().map(|p| p.id_string()).collect();
    let mut layer = Layer {
        findings,
        not_evaluated: not_evaluated
            .into_iter()
            .filter(|ne| !is_berry_gap(ne, &berry_ids))
            .collect(),
    };
    layer.add(berry_checksums(graph, &berry, client, kind));
    (layer, facts)
}

/// The cross-check's "berry checksum not verifiable" record of a package the berry layer
/// judges instead.
fn is_berry_gap(ne: &NotEvaluated, berry: &HashSet<String>) -> bool {
    let prefix = diligence_registry::rules::integrity_mismatch::CHECK;
    ne.what
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix(" of "))
        .is_some_and(|id| berry.contains(id))
        && ne.why.contains("berry")
}

fn berry_checksums(
    graph: &DependencyGraph,
    entries: &[&Package],
    client: &RegistryClient,
    kind: PackumentKind,
) -> Layer {
    let file = graph.lockfile.path.display().to_string();
    let mut seen = BTreeSet::new();
    let unique: Vec<&&Package> = entries
        .iter()
        .filter(|p| seen.insert(p.id_string()))
        .collect();
    let pool = match network_pool(client) {
        Ok(pool) => pool,
        Err(why) => return Layer::gap("berry checksums", why),
    };
    let outcomes: Vec<(String, Outcome)> = pool.install(|| {
        unique
            .par_iter()
            .map(|p| {
                let Some(Integrity::BerryChecksum(expected)) = &p.integrity else {
                    return (p.id_string(), Outcome::Clean);
                };
                let tarball = if diligence_berry::Checksum::parse(expected).reproducible() {
                    fetch_registry_tarball(client, p, kind)
                } else {
                    Err(String::new())
                };
                let outcome = (diligence_berry::CHECK.1)(
                    p,
                    &file,
                    expected,
                    tarball.as_deref().map_err(Clone::clone),
                );
                (p.id_string(), outcome)
            })
            .collect()
    });
    let mut layer = Layer::default();
    for (id, outcome) in outcomes {
        outcome.record(
            diligence_berry::CHECK.0,
            &id,
            &mut layer.findings,
            &mut layer.not_evaluated,
        );
    }
    layer
}

/// The registry's tarball of `p`, verified against the packument's integrity only.
fn fetch_registry_tarball(
    client: &RegistryClient,
    p: &Package,
    kind: PackumentKind,
) -> Result<Vec<u8>, String> {
    let packument = client
        .dists_with(&p.name, kind, &[p.version.as_str()])
        .map_err(|e| e.to_string())?;
    let manifest = packument
        .version(&p.version)
        .ok_or_else(|| format!("{} is not in the packument", p.id_string()))?;
    client
        .fetch_tarball_of(&p.name, manifest, None)
        .map_err(|e| e.to_string())
}

/// The packument rules for every in-scope registry `name@version` (findings at the entry's
/// lockfile line); a packument that cannot be had is not evaluated. `others`: the packuments
/// of the other packages (a closure's), for the rules that look at a release's dependencies
/// (`metadata/young-dependency`).
pub(crate) fn metadata(
    graph: &DependencyGraph,
    in_scope: &(dyn Fn(&Package) -> bool + Sync),
    client: &RegistryClient,
    config: &ProjectConfig,
    others: Option<&dyn diligence_metadata::PackumentLookup>,
) -> Layer {
    let file = graph.lockfile.path.display().to_string();
    let mut first_line: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for p in &graph.packages {
        if matches!(p.source, Source::Registry { .. }) && in_scope(p) {
            first_line
                .entry((p.name.as_str(), p.version.as_str()))
                .or_insert(p.location.line);
        }
    }
    let pool = match network_pool(client) {
        Ok(pool) => pool,
        Err(why) => return Layer::gap("metadata checks", why),
    };
    let entries: Vec<(&(&str, &str), &u32)> = first_line.iter().collect();
    let now = std::time::SystemTime::now();
    let parts: Vec<Layer> = pool.install(|| {
        entries
            .par_iter()
            .map(|((name, version), line)| {
                let packument = match client.packument(name) {
                    Ok(p) => p,
                    Err(e) => {
                        return Layer::gap(
                            &format!("metadata checks of {name}@{version}"),
                            e.to_string(),
                        );
                    }
                };
                let (findings, not_evaluated) = match others {
                    Some(others) => diligence_metadata::check_package_with(
                        &packument,
                        version,
                        now,
                        &config.metadata,
                        others,
                    ),
                    None => diligence_metadata::check_package(
                        &packument,
                        version,
                        now,
                        &config.metadata,
                    ),
                };
                // The typosquat rule runs in the lockfile layer over names.
                let findings = findings
                    .into_iter()
                    .filter(|f| f.rule != diligence_metadata::rules::typosquat::TYPOSQUAT.id)
                    .map(|f| match f.location {
                        Some(_) => f,
                        None => f.at(file.clone(), **line),
                    })
                    .collect();
                Layer {
                    findings,
                    not_evaluated,
                }
            })
            .collect()
    });
    let mut layer = Layer::default();
    for part in parts {
        layer.add(part);
    }
    layer
}

/// A thread pool sized to the registry client's request concurrency, for work that mostly
/// waits on the network.
pub(crate) fn network_pool(client: &RegistryClient) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(client.options().concurrency.max(1))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

/// Collapses per-package not-evaluated records of one check (`<check> of name@version`) into
/// one line with a count and three examples, so that a registry which strips a field for
/// every package gives one line, not thousands. Records with the same check but different
/// reasons stay apart when there are few of them; the first record's reason stands for a
/// large group.
pub(crate) fn group_not_evaluated(records: Vec<NotEvaluated>) -> Vec<NotEvaluated> {
    let mut groups: BTreeMap<String, Vec<NotEvaluated>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for ne in records {
        if !seen.insert((ne.what.clone(), ne.why.clone())) {
            continue;
        }
        match ne.what.split_once(" of ") {
            Some((check, _)) => groups.entry(check.to_string()).or_default().push(ne),
            None => out.push(ne),
        }
    }
    for (check, members) in groups {
        if members.len() <= 3 {
            out.extend(members);
            continue;
        }
        let subjects: Vec<&str> = members
            .iter()
            .filter_map(|m| m.what.split_once(" of ").map(|(_, s)| s))
            .collect();
        // `importer `a`` subjects are importers; anything else a package.
        let (noun, shown): (&str, Vec<&str>) =
            if subjects.iter().all(|s| s.starts_with("importer ")) {
                (
                    "importers",
                    subjects.iter().map(|s| &s["importer ".len()..]).collect(),
                )
            } else {
                ("packages", subjects.clone())
            };
        let what = format!(
            "{check} of {} {noun} (e.g. {})",
            members.len(),
            shown[..3].join(", ")
        );
        out.push(NotEvaluated {
            what,
            why: members[0].why.clone(),
        });
    }
    out
}
