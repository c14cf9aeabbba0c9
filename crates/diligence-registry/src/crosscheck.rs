//! The registry cross-check of a whole dependency graph: every registry entry compared with
//! its packument (existence, integrity and its strength, tarball URL, scope registry), and optionally its
//! tarball downloaded and verified.

use crate::client::{PackumentKind, RegistryClient, RegistryError};
use crate::config::NpmConfig;
use crate::progress;
use crate::rules::integrity_downgrade::{self, HashProfile};
use crate::rules::{
    Outcome, integrity_mismatch, project_credentials, resolved_mismatch, scope_registry,
    tarball_integrity, version_missing,
};
use diligence_finding::{Finding, NotEvaluated, Rule};
use diligence_graph::{DependencyGraph, Package, Source};
use diligence_packument::Packument;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What the cross-check does besides comparing packuments.
#[derive(Debug, Clone)]
pub struct CrosscheckOptions {
    /// Download every registry tarball (cached, content-addressed) and verify its bytes
    /// against the lockfile and the packument (`registry/tarball-integrity`). Off by default:
    /// it costs one download per package on a cold cache.
    pub verify_tarballs: bool,
    /// Show a progress bar on stderr (still hidden when stderr is not a terminal).
    pub progress: bool,
    /// Which packument to fetch. [`PackumentKind::Full`] (the default) shares the cache entry
    /// with the metadata checks, so an audit downloads each packument once;
    /// [`PackumentKind::Abbreviated`] is smaller when only cross-checks run.
    pub packument_kind: PackumentKind,
}

impl Default for CrosscheckOptions {
    fn default() -> Self {
        CrosscheckOptions {
            verify_tarballs: false,
            progress: false,
            packument_kind: PackumentKind::Full,
        }
    }
}

/// The not-evaluated `what` for a package whose packument could not be had.
const CHECK: &str = "registry cross-check";

/// Findings and not-evaluated records being collected.
#[derive(Default)]
struct Results {
    findings: Vec<Finding>,
    not_evaluated: Vec<NotEvaluated>,
}

impl Results {
    /// Records an outcome; true when it was a finding.
    fn push(&mut self, outcome: Outcome) -> bool {
        match outcome {
            Outcome::Clean => false,
            Outcome::Finding(f) => {
                self.findings.push(*f);
                true
            }
            Outcome::NotEvaluated(n) => {
                self.not_evaluated.push(n);
                false
            }
        }
    }
}

type Fetched<'a> = BTreeMap<&'a str, Result<Arc<Packument>, RegistryError>>;

/// Cross-checks every registry entry of `graph` against the registry `client` is configured
/// for. Returns the findings (rules `registry/*`, see [`crate::rules`]) and what could not be
/// evaluated: packuments that could not be fetched (offline and not cached, 401/403, 5xx
/// after retries, transport errors), berry checksums, hashes with no algorithm in common.
///
/// A 404 on a packument is a finding (`registry/version-missing`), not an error. Packuments
/// are fetched in parallel with `client.options().concurrency` threads. Findings are sorted
/// by package, rule and line; not-evaluated records are deduplicated.
pub fn crosscheck(
    graph: &DependencyGraph,
    client: &RegistryClient,
    options: &CrosscheckOptions,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    crosscheck_only(graph, client, options, &|_| true)
}

/// [`crosscheck`] restricted to the registry entries `only` accepts (a pull request's added
/// and changed entries). Graph-wide facts (the lockfile's hash profile) still come from the
/// whole graph.
pub fn crosscheck_only(
    graph: &DependencyGraph,
    client: &RegistryClient,
    options: &CrosscheckOptions,
    only: &(dyn Fn(&Package) -> bool + Sync),
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let file = graph.lockfile.path.display().to_string();
    let entries: Vec<&Package> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.source, Source::Registry { .. }) && only(p))
        .collect();
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(client.options().concurrency.max(1))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            let ne = NotEvaluated {
                what: "registry cross-checks".into(),
                why: format!("cannot start worker threads: {e}"),
            };
            return (Vec::new(), vec![ne]);
        }
    };
    let packuments = fetch_all(&entries, client, &pool, options);
    let profile = HashProfile::of(graph);
    let mut results = Results::default();
    let mut to_verify: Vec<(&Package, Arc<Packument>, bool)> = Vec::new();
    for package in &entries {
        if let Some((packument, integrity_flagged)) =
            check_entry(package, &file, client, &packuments, profile, &mut results)
        {
            to_verify.push((package, packument, integrity_flagged));
        }
    }
    if options.verify_tarballs {
        let (f, n) = verify_tarballs(&to_verify, &file, client, &pool, options.progress);
        results.findings.extend(f);
        results.not_evaluated.extend(n);
    }
    let Results {
        mut findings,
        mut not_evaluated,
    } = results;
    findings.sort_by(|a, b| {
        a.package
            .cmp(&b.package)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| {
                a.location
                    .as_ref()
                    .map(|l| l.line)
                    .cmp(&b.location.as_ref().map(|l| l.line))
            })
    });
    let mut seen = BTreeSet::new();
    not_evaluated.retain(|n| seen.insert((n.what.clone(), n.why.clone())));
    (findings, not_evaluated)
}

/// Fetches the packument (dists) of every distinct name in parallel; a cached packument
/// that lacks a locked version is fetched again.
fn fetch_all<'a>(
    entries: &[&'a Package],
    client: &RegistryClient,
    pool: &rayon::ThreadPool,
    options: &CrosscheckOptions,
) -> Fetched<'a> {
    let mut names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in entries {
        names
            .entry(p.name.as_str())
            .or_default()
            .push(p.version.as_str());
    }
    let bar = progress::bar(names.len() as u64, "packuments", options.progress);
    let fetched = pool.install(|| {
        names
            .par_iter()
            .map(|(name, versions)| {
                let result = client.dists_with(name, options.packument_kind, versions);
                bar.inc(1);
                (*name, result)
            })
            .collect()
    });
    bar.finish_and_clear();
    fetched
}

/// What a per-entry check sees: the entry, the lockfile path findings point at, the npm
/// configuration, the lockfile's hash profile, and the entry's packument (`None`: the registry
/// answered 404 for the name).
pub(crate) struct EntryCx<'a> {
    pub package: &'a Package,
    pub file: &'a str,
    pub config: &'a NpmConfig,
    pub profile: HashProfile,
    pub packument: Option<&'a Packument>,
    /// `registry/scope-registry` fired: the entry's `resolved` host is judged by that rule
    /// alone, so `registry/resolved-mismatch` does not report it twice.
    pub scope_flagged: bool,
}

/// One registry rule's check of one entry.
pub(crate) type EntryCheck = fn(&EntryCx<'_>) -> Outcome;

/// The per-entry registry rules with the checks that run them, in order. Every registry entry
/// gets each check in turn (the packument-independent `scope-registry` first; an entry whose
/// packument could not be fetched gets only that one and a not-evaluated record); when
/// `version-missing` fires there is no version to compare with and the later checks are skipped.
/// `registry/tarball-integrity` runs from [`TARBALL_CHECK`] on downloaded bytes and
/// `registry/project-credentials` from the project's `.npmrc` ([`checked_rules`]).
pub(crate) static ENTRY_CHECKS: [(&Rule, EntryCheck); 5] = [
    (&scope_registry::SCOPE_REGISTRY, |cx| {
        scope_registry::check(cx.package, cx.file, cx.config)
    }),
    (&version_missing::VERSION_MISSING, |cx| {
        version_missing::check(cx.package, cx.file, cx.packument)
    }),
    (&integrity_mismatch::INTEGRITY_MISMATCH, |cx| {
        cx.packument.map_or(Outcome::Clean, |p| {
            integrity_mismatch::check(cx.package, cx.file, p)
        })
    }),
    (&integrity_downgrade::INTEGRITY_DOWNGRADE, |cx| {
        cx.packument.map_or(Outcome::Clean, |p| {
            integrity_downgrade::check(cx.package, cx.file, p, cx.profile)
        })
    }),
    (&resolved_mismatch::RESOLVED_MISMATCH, |cx| {
        match cx.packument {
            Some(p) if !cx.scope_flagged => {
                resolved_mismatch::check(cx.package, cx.file, cx.config, p)
            }
            _ => Outcome::Clean,
        }
    }),
];

/// The check of a downloaded registry tarball: the bytes against the lockfile and the packument.
pub(crate) static TARBALL_CHECK: (&Rule, TarballCheck) = (
    &tarball_integrity::TARBALL_INTEGRITY,
    tarball_integrity::check,
);

/// `registry/tarball-integrity`'s check: the entry, the lockfile path, and the download's result.
pub(crate) type TarballCheck = fn(&Package, &str, Result<(), &RegistryError>) -> Outcome;

/// The rules this crate's checks run: [`ENTRY_CHECKS`], [`TARBALL_CHECK`], and
/// `registry/project-credentials` (run on the project's `.npmrc` by the caller, through
/// [`crate::rules::project_credentials::check`]). A rule documented in [`crate::rules::rules`]
/// and missing here is a rule no layer runs (the engine's `every_documented_rule_runs` test).
pub fn checked_rules() -> Vec<&'static Rule> {
    ENTRY_CHECKS
        .iter()
        .map(|(rule, _)| *rule)
        .chain([TARBALL_CHECK.0])
        .chain([&project_credentials::PROJECT_CREDENTIALS])
        .collect()
}

/// Runs [`ENTRY_CHECKS`] on one entry. Returns the packument and whether the integrity rule
/// fired, when the entry's version exists (so its tarball can be verified).
fn check_entry(
    package: &Package,
    file: &str,
    client: &RegistryClient,
    packuments: &Fetched<'_>,
    profile: HashProfile,
    results: &mut Results,
) -> Option<(Arc<Packument>, bool)> {
    let fetched = packuments.get(package.name.as_str());
    // The registry answered for the name: a packument, or 404 (`version-missing` reports it).
    let answered = matches!(fetched, Some(Ok(_) | Err(RegistryError::NotFound { .. })));
    let packument = match fetched {
        Some(Ok(p)) => Some(p.clone()),
        _ => None,
    };
    let mut cx = EntryCx {
        package,
        file,
        config: client.config(),
        profile,
        packument: packument.as_deref(),
        scope_flagged: false,
    };
    let mut integrity_flagged = false;
    for (rule, check) in &ENTRY_CHECKS {
        let scope = rule.id == scope_registry::SCOPE_REGISTRY.id;
        // Without an answer only the packument-independent check can run.
        if !answered && !scope {
            if let Some(Err(e)) = fetched {
                results.push(Outcome::NotEvaluated(NotEvaluated {
                    what: crate::rules::what(CHECK, package),
                    why: e.to_string(),
                }));
            }
            return None;
        }
        let fired = results.push(check(&cx));
        if scope {
            cx.scope_flagged = fired;
        } else if rule.id == version_missing::VERSION_MISSING.id && fired {
            // No such version (or no such package): nothing to compare with.
            return None;
        } else if rule.id == integrity_mismatch::INTEGRITY_MISMATCH.id {
            integrity_flagged = fired;
        }
    }
    packument.map(|p| (p, integrity_flagged))
}

/// Downloads and verifies each distinct `name@version` once. When the lockfile integrity is
/// already known to disagree with the packument, the bytes are checked against the packument
/// only, so T4 is reported once (as `registry/integrity-mismatch`).
fn verify_tarballs(
    entries: &[(&Package, Arc<Packument>, bool)],
    file: &str,
    client: &RegistryClient,
    pool: &rayon::ThreadPool,
    show: bool,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let mut seen = BTreeSet::new();
    let unique: Vec<&(&Package, Arc<Packument>, bool)> = entries
        .iter()
        .filter(|(p, _, _)| seen.insert(p.id_string()))
        .collect();
    let bar = progress::bar(unique.len() as u64, "tarballs", show);
    let outcomes: Vec<Outcome> = pool.install(|| {
        unique
            .par_iter()
            .map(|(package, packument, integrity_flagged)| {
                let Some(manifest) = packument.version(&package.version) else {
                    return Outcome::Clean;
                };
                let lockfile = if *integrity_flagged {
                    None
                } else {
                    package.integrity.as_ref()
                };
                let result = client.fetch_tarball_of(&package.name, manifest, lockfile);
                bar.inc(1);
                (TARBALL_CHECK.1)(package, file, result.as_ref().map(|_| ()))
            })
            .collect()
    });
    bar.finish_and_clear();
    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Clean => {}
            Outcome::Finding(f) => findings.push(*f),
            Outcome::NotEvaluated(n) => not_evaluated.push(n),
        }
    }
    (findings, not_evaluated)
}

#[cfg(test)]
mod table_tests {
    use super::*;

    /// Every documented registry rule is run by a check in this module's tables, once.
    #[test]
    fn every_documented_registry_rule_has_a_check() {
        let mut run: Vec<&str> = checked_rules().iter().map(|r| r.id).collect();
        let mut documented: Vec<&str> = crate::rules::rules().iter().map(|r| r.id).collect();
        run.sort_unstable();
        documented.sort_unstable();
        // Duplicates first: compared after, a rule listed twice on both sides would pass.
        let mut unique = run.clone();
        unique.dedup();
        assert_eq!(unique, run, "a rule is run by two checks");
        assert_eq!(run, documented);
    }
}
