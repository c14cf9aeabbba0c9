//! Exemption maintenance: which exemptions `vet prune` drops, and the exemptions
//! `vet regenerate-exemptions` writes for the current tree.
//!
//! Both keep the team's decisions: an exemption whose integrity differs from the lockfile's
//! is never dropped or replaced (that is a republished or edited tarball, reported as
//! `vet/integrity-mismatch`, for a person to resolve); a version in a violation range is
//! never exempted; notes and `suggest = false` survive a rewrite.

use crate::coverage::{Coverage, Ledger, Origin, Status};
use crate::format::Exemption;
use crate::imports::ImportState;
use crate::requirements;
use crate::store::Store;
use diligence_graph::{DependencyGraph, Integrity};
use std::collections::{BTreeSet, HashMap};

/// Lines of `exemptions.toml` entries whose integrity disagrees with the lockfile.
fn mismatched_lines(coverage: &Coverage) -> BTreeSet<u32> {
    coverage
        .packages
        .iter()
        .flat_map(|p| p.evaluation.mismatches.iter())
        .filter_map(|m| match m.origin {
            Origin::Exemptions { line } => Some(line),
            _ => None,
        })
        .collect()
}

/// The exemptions `vet prune` drops: those for versions nothing locked needs (not locked,
/// and no delta chain to a locked version starts from them), and those whose packages audits
/// and imports cover without them. Greedy per package name, unlocked versions first, so a
/// root of a delta chain is kept when it is still the only way to a locked version.
pub fn prunable<'s>(
    _graph: &DependencyGraph,
    store: &'s Store,
    ledger: &Ledger,
    coverage: &Coverage,
) -> Vec<&'s Exemption> {
    let mismatched = mismatched_lines(coverage);
    let mut locked: HashMap<&str, Vec<&crate::coverage::Locked>> = HashMap::new();
    for p in &coverage.packages {
        locked.entry(p.name.as_str()).or_default().push(p);
    }
    let mut by_name: HashMap<&str, Vec<&Exemption>> = HashMap::new();
    for e in &store.exemptions {
        by_name.entry(e.package.as_str()).or_default().push(e);
    }
    let mut out = Vec::new();
    let mut names: Vec<&str> = by_name.keys().copied().collect();
    names.sort();
    for name in names {
        let mut group = by_name[name].clone();
        let packages = locked.get(name).map_or(&[][..], Vec::as_slice);
        // Unlocked versions first: they are the likeliest to be unused.
        group.sort_by_key(|e| (packages.iter().any(|p| p.version == e.version), e.line));
        let mut removed: Vec<u32> = Vec::new();
        for e in group {
            if mismatched.contains(&e.line) {
                continue;
            }
            let mut trial = removed.clone();
            trial.push(e.line);
            let still = packages.iter().all(|p| {
                matches!(
                    p.evaluation.status,
                    Status::Unaudited { .. } | Status::NotRequired
                ) || ledger.covered_without(
                    &p.name,
                    &p.version,
                    p.integrity.as_ref(),
                    p.required,
                    &trial,
                )
            });
            if still {
                removed = trial;
                out.push(e);
            }
        }
    }
    out.sort_by_key(|e| e.line);
    out
}

/// The result of `vet regenerate-exemptions`.
#[derive(Debug, Clone, Default)]
pub struct Regenerated {
    /// The new content of `exemptions.toml`.
    pub exemptions: Vec<Exemption>,
    /// Entries added, and dropped, compared with the old file.
    pub added: usize,
    pub removed: usize,
    /// `name@version` of entries kept although their integrity differs from the lockfile's.
    pub kept_mismatched: Vec<String>,
    /// `name@version` not exempted because a violation fails them.
    pub violations: Vec<String>,
}

/// The exemptions that make `vet` pass for `graph` with as little as possible: keeps the
/// existing exemptions still needed, then exempts every locked version audits, imports and
/// those do not cover (for the criteria missing, with the lockfile's integrity).
pub fn regenerate_exemptions(
    graph: &DependencyGraph,
    store: &Store,
    imports: &[ImportState],
) -> Regenerated {
    let table = &store.criteria;
    let required = requirements::requirements(graph, &store.config.policy, table);
    let ledger = Ledger::new(table, &store.audits, imports, &store.exemptions);
    let coverage = Coverage::compute(graph, &required, &ledger, table);
    let drop: BTreeSet<u32> = prunable(graph, store, &ledger, &coverage)
        .iter()
        .map(|e| e.line)
        .collect();
    let mismatched = mismatched_lines(&coverage);
    let mut kept: Vec<Exemption> = store
        .exemptions
        .iter()
        .filter(|e| !drop.contains(&e.line))
        .cloned()
        .collect();
    let mut out = Regenerated {
        removed: drop.len(),
        ..Regenerated::default()
    };
    for e in &kept {
        if mismatched.contains(&e.line) {
            out.kept_mismatched
                .push(format!("{}@{}", e.package, e.version));
        }
    }
    let ledger = Ledger::new(table, &store.audits, imports, &kept);
    let coverage = Coverage::compute(graph, &required, &ledger, table);
    for p in &coverage.packages {
        let Status::Unaudited { missing, .. } = &p.evaluation.status else {
            continue;
        };
        if !p.evaluation.mismatches.is_empty() {
            continue;
        }
        if !p.evaluation.violations.is_empty() {
            out.violations.push(format!("{}@{}", p.name, p.version));
            continue;
        }
        let names: Vec<String> = table
            .minimal_names(*missing)
            .into_iter()
            .map(String::from)
            .collect();
        // One entry per version: the same version locked twice with hashes of different
        // algorithms (an old sha1 entry beside a sha512 one) gets one exemption carrying both;
        // a copy without integrity (npm's bundled dependencies, pinned by their parent's
        // tarball) shares the entry of the hashed copy.
        if let Some(same) = kept.iter_mut().find(|e| {
            e.package == p.name
                && e.version == p.version
                && (e.integrity == p.integrity
                    || e.integrity.is_none()
                    || p.integrity.is_none()
                    || disjoint(&e.integrity, &p.integrity))
        }) {
            if same.integrity.is_none() {
                same.integrity = p.integrity.clone();
            }
            let merge = disjoint(&same.integrity, &p.integrity);
            if let (true, Some(Integrity::Sri(have)), Some(Integrity::Sri(add))) =
                (merge, &mut same.integrity, &p.integrity)
            {
                have.extend(add.iter().cloned());
            }
            for n in names {
                if !same.criteria.contains(&n) {
                    same.criteria.push(n);
                }
            }
            continue;
        }
        let old = store
            .exemptions
            .iter()
            .find(|e| e.package == p.name && e.version == p.version);
        out.added += 1;
        kept.push(Exemption {
            package: p.name.clone(),
            version: p.version.clone(),
            criteria: names,
            integrity: p.integrity.clone(),
            notes: old.and_then(|e| e.notes.clone()),
            suggest: old.is_none_or(|e| e.suggest),
            line: 0,
        });
    }
    out.exemptions = kept;
    out
}

/// Two SRI integrities that share no algorithm (sha1 only beside sha512 only): nothing says
/// they differ, and one entry can carry both.
fn disjoint(a: &Option<Integrity>, b: &Option<Integrity>) -> bool {
    match (a, b) {
        (Some(Integrity::Sri(x)), Some(Integrity::Sri(y))) => {
            !x.is_empty()
                && !y.is_empty()
                && x.iter()
                    .all(|h| y.iter().all(|g| g.algorithm != h.algorithm))
        }
        _ => false,
    }
}
