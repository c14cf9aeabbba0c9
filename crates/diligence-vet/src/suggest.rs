//! `vet suggest`: the cheapest reviews that would cover what the ledger does not.
//!
//! For every locked version that is unaudited — and, as in cargo-vet, every version covered
//! only by an exemption (unless the exemption says `suggest = false`) — the candidates are a
//! full review and delta reviews from the nearest covered versions (the two closest below
//! and the closest above in semver order). Each candidate is sized on the real tarballs in
//! changed lines ([`crate::size`]); the smallest wins. Suggestions are listed smallest first,
//! then by how many packages depend on the version (a review that unblocks more of the tree
//! first), unaudited before exempted.

use crate::check::certify_command;
use crate::coverage::{Coverage, Ledger, Locked, Status};
use crate::criteria::CriteriaSet;
use crate::imports::ImportState;
use crate::review::TarballSource;
use crate::size::{ReviewSize, delta_size, full_size};
use crate::store::Store;
use diligence_graph::DependencyGraph;
use rayon::prelude::*;
use std::collections::HashMap;

/// One suggested review.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suggestion {
    pub name: String,
    /// The version to cover.
    pub version: String,
    /// Delta base (`None`: a full review).
    pub from: Option<String>,
    /// The base is covered only by an exemption.
    pub from_exempted: bool,
    /// Criteria to certify.
    pub criteria: Vec<String>,
    /// Size of the suggested review; `None` when the tarballs could not be fetched.
    pub size: Option<ReviewSize>,
    /// Size of a full review, for comparison.
    pub full_size: Option<ReviewSize>,
    /// Why sizes are missing.
    pub error: Option<String>,
    /// Packages and importers that depend on this version.
    pub used_by: usize,
    /// `true`: covered now by an exemption; `false`: unaudited (fails `vet`).
    pub exempted: bool,
    /// The command to record it after reading.
    pub command: String,
}

/// Options for [`suggest`].
#[derive(Debug, Clone, Default)]
pub struct SuggestOptions {
    /// Also suggest reviews for exempted versions (cargo-vet's behaviour; default on in the
    /// CLI).
    pub exempted: bool,
    /// Stop after this many suggestions (0: all), smallest first is only known after sizing,
    /// so the limit applies to what is sized: unaudited first, then exempted by name.
    pub limit: usize,
}

/// The suggestions for `graph`, sized with tarballs from `source` (`None`: no sizes, the
/// nearest base only).
pub fn suggest(
    graph: &DependencyGraph,
    store: &Store,
    imports: &[ImportState],
    coverage: &Coverage,
    ledger: &Ledger,
    source: Option<&dyn TarballSource>,
    opts: &SuggestOptions,
) -> Vec<Suggestion> {
    let table = &store.criteria;
    let audits_only = Ledger::new(table, &store.audits, imports, &[]);
    let no_suggest: Vec<(&str, &str)> = store
        .exemptions
        .iter()
        .filter(|e| !e.suggest)
        .map(|e| (e.package.as_str(), e.version.as_str()))
        .collect();
    let used_by = dependents(graph);
    let mut todo: Vec<(&Locked, CriteriaSet, bool)> = Vec::new();
    for p in &coverage.packages {
        match &p.evaluation.status {
            Status::Unaudited { missing, .. } if p.evaluation.mismatches.is_empty() => {
                todo.push((p, *missing, false))
            }
            Status::Exempted
                if opts.exempted
                    && !no_suggest.contains(&(p.name.as_str(), p.version.as_str())) =>
            {
                todo.push((p, p.required, true))
            }
            _ => {}
        }
    }
    if opts.limit > 0 {
        todo.truncate(opts.limit);
    }
    let mut out: Vec<Suggestion> = todo
        .par_iter()
        .map(|(p, criteria, exempted)| {
            let bases = if *exempted {
                audits_only.covered_versions(&p.name, *criteria)
            } else {
                ledger.covered_versions(&p.name, *criteria)
            };
            let candidates = nearest(&bases, &p.version);
            let names: Vec<String> = table
                .minimal_names(*criteria)
                .into_iter()
                .map(String::from)
                .collect();
            let uses = p
                .nodes
                .iter()
                .map(|n| used_by.get(&n.index()).copied().unwrap_or(0))
                .sum();
            let mut s = Suggestion {
                name: p.name.clone(),
                version: p.version.clone(),
                from: candidates.first().map(|(v, _)| v.clone()),
                from_exempted: candidates.first().is_some_and(|(_, audited)| !audited),
                criteria: names.clone(),
                size: None,
                full_size: None,
                error: None,
                used_by: uses,
                exempted: *exempted,
                command: String::new(),
            };
            if let Some(src) = source {
                size_candidates(src, p, &candidates, &mut s);
            }
            s.command = certify_command(&p.name, s.from.as_deref(), &p.version, &names.join(","));
            s
        })
        .collect();
    out.sort_by(|a, b| {
        a.exempted
            .cmp(&b.exempted)
            .then_with(|| {
                let la = a.size.map_or(u64::MAX, |s| s.lines);
                let lb = b.size.map_or(u64::MAX, |s| s.lines);
                la.cmp(&lb)
            })
            .then_with(|| b.used_by.cmp(&a.used_by))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Sizes a full review and each delta candidate; keeps the smallest in `s`.
fn size_candidates(
    src: &dyn TarballSource,
    p: &Locked,
    candidates: &[(String, bool)],
    s: &mut Suggestion,
) {
    let target = match src.tarball(&p.name, &p.version) {
        Ok(t) => t,
        Err(e) => {
            s.error = Some(e);
            return;
        }
    };
    let full = full_size(&target.files);
    s.full_size = Some(full);
    let mut best: (Option<String>, bool, ReviewSize) = (None, false, full);
    for (base, audited) in candidates {
        match src.tarball(&p.name, base) {
            Ok(old) => {
                let (size, _) = delta_size(&old.files, &target.files);
                if size.lines < best.2.lines {
                    best = (Some(base.clone()), !audited, size);
                }
            }
            Err(e) => s.error = Some(e),
        }
    }
    s.from = best.0;
    s.from_exempted = best.1;
    s.size = Some(best.2);
}

/// Up to two covered versions below `version` (nearest first) and one above.
fn nearest(bases: &[(String, bool)], version: &str) -> Vec<(String, bool)> {
    let mut below: Vec<&(String, bool)> = bases
        .iter()
        .filter(|(v, _)| crate::version_cmp(v, version).is_lt())
        .collect();
    below.reverse();
    let above = bases
        .iter()
        .find(|(v, _)| crate::version_cmp(v, version).is_gt());
    below.into_iter().take(2).chain(above).cloned().collect()
}

/// Node index → number of packages and importers with an edge to it.
fn dependents(graph: &DependencyGraph) -> HashMap<usize, usize> {
    let mut out: HashMap<usize, usize> = HashMap::new();
    let edges = graph
        .packages
        .iter()
        .flat_map(|p| p.dependencies.iter())
        .chain(graph.importers.iter().flat_map(|i| i.dependencies.iter()));
    for e in edges {
        if let Some(t) = e.target {
            *out.entry(t.index()).or_default() += 1;
        }
    }
    out
}

/// The suggestions as text: one command per line with its size, then the backlog.
pub fn render(suggestions: &[Suggestion]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    if suggestions.is_empty() {
        s.push_str("Nothing to suggest: every locked registry package is audited.\n");
        return s;
    }
    let mut total = 0u64;
    let mut unknown = 0usize;
    for (title, exempted) in [
        (
            "Unaudited (fail `diligence vet`), smallest review first:",
            false,
        ),
        (
            "Exempted (shrink the exemptions), smallest review first:",
            true,
        ),
    ] {
        let group: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|x| x.exempted == exempted)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{title}");
        for x in group {
            let size = match (&x.size, &x.error) {
                (Some(sz), _) => {
                    total += sz.lines;
                    let kind = match (&x.from, x.from_exempted) {
                        (Some(_), true) => "delta from an exempted version",
                        (Some(_), false) => "delta",
                        (None, _) => "full",
                    };
                    let full = match (&x.from, &x.full_size) {
                        (Some(_), Some(f)) => format!("; full review {}", f.describe()),
                        _ => String::new(),
                    };
                    format!("{} ({kind}{full})", sz.describe())
                }
                (None, Some(e)) => {
                    unknown += 1;
                    format!("size unknown: {}", crate::review::escape(e))
                }
                (None, None) => {
                    unknown += 1;
                    "size not measured".into()
                }
            };
            let _ = writeln!(
                s,
                "  {}\n      {size}; used by {}",
                crate::review::escape(&x.command),
                x.used_by
            );
        }
    }
    let _ = writeln!(
        s,
        "\nEstimated backlog: {} lines in {} review(s){}.",
        crate::size::thousands(total),
        suggestions.len(),
        if unknown > 0 {
            format!(" ({unknown} not sized)")
        } else {
            String::new()
        }
    );
    s.push_str("Read with `diligence vet certify NAME [FROM] TO`, which shows what to read first and records the audit.\n");
    s
}
