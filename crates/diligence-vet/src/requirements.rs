//! Which criteria each locked package needs, from the graph's importers and `[policy]`.
//!
//! Every importer (the root project and each workspace member) requires its `criteria`
//! (default `safe-to-deploy`) of everything its production dependencies reach — through
//! `dependencies`, `optionalDependencies` and `peerDependencies`, transitively — and its
//! `dev-criteria` (default `safe-to-run`) of everything its `devDependencies` reach. A package
//! reached both ways needs both. `[policy.importers."path"]` changes the two for one member;
//! `[policy.packages.NAME]` replaces the requirement of every version of a package. A package
//! no importer reaches (an orphan entry) falls back to the lockfile's own dev flag.
//!
//! Packages' own `devDependencies` are never installed by a consumer, so `dev` edges of
//! packages are not followed.

use crate::config::Policy;
use crate::criteria::{CriteriaSet, CriteriaTable};
use diligence_graph::{DepKind, DependencyGraph, PackageId};
use std::collections::BTreeMap;

/// The criteria every node of `graph` needs (indexed by [`PackageId`]), as raw sets (not
/// closed under `implies`).
pub fn requirements(
    graph: &DependencyGraph,
    policy: &Policy,
    table: &CriteriaTable,
) -> Vec<CriteriaSet> {
    let set = |names: &[String]| table.set_of(names.iter().map(String::as_str));
    let default = (set(&policy.criteria), set(&policy.dev_criteria));
    // Importers grouped by their (criteria, dev-criteria): one traversal per group.
    let mut groups: BTreeMap<(u64, u64), Vec<usize>> = BTreeMap::new();
    for (i, importer) in graph.importers.iter().enumerate() {
        let own = policy.importers.get(&importer.path);
        let prod = own
            .and_then(|r| r.criteria.as_deref())
            .map_or(default.0, set);
        let dev = own
            .and_then(|r| r.dev_criteria.as_deref())
            .map_or(default.1, set);
        groups.entry((prod.0, dev.0)).or_default().push(i);
    }
    let n = graph.packages.len();
    let mut required = vec![CriteriaSet::EMPTY; n];
    let mut reached = vec![false; n];
    for ((prod, dev), members) in groups {
        let roots = |dev_roots: bool| -> Vec<PackageId> {
            members
                .iter()
                .flat_map(|&i| graph.importers[i].dependencies.iter())
                .filter(|e| (e.kind == DepKind::Dev) == dev_roots)
                .filter_map(|e| e.target)
                .collect()
        };
        for (start, criteria) in [(roots(false), prod), (roots(true), dev)] {
            walk(graph, start, |id| {
                required[id.index()] = required[id.index()].union(CriteriaSet(criteria));
                reached[id.index()] = true;
            });
        }
    }
    for (id, p) in graph.iter() {
        let i = id.index();
        if let Some(names) = policy.packages.get(&p.name) {
            required[i] = set(names);
        } else if !reached[i] {
            required[i] = if p.dev { default.1 } else { default.0 };
        }
    }
    required
}

/// Visits every package reachable from `start` through non-dev edges, once.
fn walk(graph: &DependencyGraph, start: Vec<PackageId>, mut visit: impl FnMut(PackageId)) {
    let mut seen = vec![false; graph.packages.len()];
    let mut stack = start;
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id.index()], true) {
            continue;
        }
        visit(id);
        stack.extend(
            graph
                .package(id)
                .dependencies
                .iter()
                .filter(|e| e.kind != DepKind::Dev)
                .filter_map(|e| e.target),
        );
    }
}
