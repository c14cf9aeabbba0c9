//! The registry cross-check of a whole dependency graph: every registry entry compared with
//! its packument (existence, integrity, tarball URL, scope registry), and optionally its
//! tarball downloaded and verified.

use crate::client::{PackumentKind, RegistryClient, RegistryError};
use crate::progress;
use crate::rules::{
    Outcome, integrity_mismatch, resolved_mismatch, scope_registry, tarball_integrity,
    version_missing,
};
use diligence_finding::{Finding, NotEvaluated};
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

/// Cross-checks every registry entry of `graph` against the registry `client` is configured
/// for. Returns the findings (rules `registry/*`, see [`crate::rules`]) and what could not be
/// evaluated: packuments that could not be fetched (offline and not cached, 401/403, 5xx
/// after retries, transport errors), berry checksums, hashes with no algorithm in common.
///
/// A 404 on a packument is a finding (`registry/version-missing`), not an error. Packuments
/// are fetched in parallel with `client.options().concurrency` threads. Results are sorted
/// by package, then rule.
pub fn crosscheck(
    graph: &DependencyGraph,
    client: &RegistryClient,
    options: &CrosscheckOptions,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let file = graph.lockfile.path.display().to_string();
    let entries: Vec<&Package> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.source, Source::Registry { .. }))
        .collect();
    let names: BTreeSet<&str> = entries.iter().map(|p| p.name.as_str()).collect();
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
    let bar = progress::bar(names.len() as u64, "packuments", options.progress);
    let packuments: BTreeMap<&str, Result<Arc<Packument>, RegistryError>> = pool.install(|| {
        names
            .par_iter()
            .map(|name| {
                let result = client.dists(name, options.packument_kind);
                bar.inc(1);
                (*name, result)
            })
            .collect()
    });
    bar.finish_and_clear();

    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    let mut to_verify: Vec<(&Package, Arc<Packument>, bool)> = Vec::new();
    for package in &entries {
        let mut push = |outcome: Outcome| match outcome {
            Outcome::Clean => false,
            Outcome::Finding(f) => {
                findings.push(*f);
                true
            }
            Outcome::NotEvaluated(n) => {
                not_evaluated.push(n);
                false
            }
        };
        let scope_flagged = push(scope_registry::check(package, &file, client.config()));
        let packument = match packuments.get(package.name.as_str()) {
            Some(Ok(p)) => p.clone(),
            Some(Err(RegistryError::NotFound { .. })) => {
                push(version_missing::check(package, &file, None));
                continue;
            }
            Some(Err(e)) => {
                push(Outcome::NotEvaluated(NotEvaluated {
                    what: crate::rules::what(CHECK, package),
                    why: e.to_string(),
                }));
                continue;
            }
            None => continue,
        };
        if push(version_missing::check(package, &file, Some(&packument))) {
            continue;
        }
        let integrity_flagged = push(integrity_mismatch::check(package, &file, &packument));
        if !scope_flagged {
            push(resolved_mismatch::check(
                package,
                &file,
                client.config(),
                &packument,
            ));
        }
        to_verify.push((package, packument, integrity_flagged));
    }
    if options.verify_tarballs {
        let (f, n) = verify_tarballs(&to_verify, &file, client, &pool, options.progress);
        findings.extend(f);
        not_evaluated.extend(n);
    }
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
                tarball_integrity::check(package, file, result.as_ref().map(|_| ()))
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
