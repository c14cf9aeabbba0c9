//! Matching a [`DependencyGraph`] against an [`AdvisoryDb`] and turning the matches into
//! `advisory/malware` and `advisory/vulnerability` findings.

use crate::advisory::AdvisoryKind;
use crate::error::AdvisoryError;
use crate::index::{AdvisoryDb, IndexedAdvisory};
use crate::range;
use crate::rules;
use diligence_finding::{Finding, NotEvaluated, Severity};
use diligence_graph::{DependencyGraph, Package, PackageId, Source};
use std::collections::HashMap;

/// `graph.shortest_paths()` item: importer index and package chain, `None` when unreachable.
type ImporterPath = Option<(usize, Vec<PackageId>)>;

/// The advisories (deduplicated through aliases) that hit one locked package node, with
/// everything a rule needs to word its finding.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub package: &'a Package,
    /// The lockfile path, as the graph has it.
    pub file: String,
    /// All ids of the group: each record's id then its aliases, first-seen order.
    pub ids: Vec<String>,
    /// Summary of the first record that has one.
    pub summary: String,
    /// Link of the first record.
    pub url: String,
    /// The highest severity any record of the group gives.
    pub severity: Option<Severity>,
    /// The lowest fixed version above the locked one that fixes every record of the group
    /// (the highest of the records' lowest fixes); `None` when no record names one.
    pub fixed: Option<String>,
    /// Any record of the group is malware.
    pub malware: bool,
    /// `(importer path, [name@version …])` from a direct dependency to this package, when
    /// reachable (the first entry's shortest path).
    pub path: Option<(String, Vec<String>)>,
    /// Every distinct path to every lockfile entry of this `name@version` (an npm v1 or
    /// nested lockfile holds one entry per place it is installed).
    pub paths: Vec<(String, Vec<String>)>,
    /// The lockfile line of each entry of this `name@version`, in graph order.
    pub lines: Vec<u32>,
}

/// Checks every registry package of the graph (and patched registry packages: a patch does
/// not change the version advisories are about) against the database.
///
/// Returns one finding per `name@version` and alias group, however many lockfile entries
/// install it: records linked through `aliases` (GHSA ↔ CVE ↔ MAL) become one finding listing
/// all ids, and the evidence lists every path and entry line (`lodash@4.17.14` installed in 36
/// places is one finding a reviewer can act on, not 36). Findings point at the lockfile and the
/// first entry's line. Errors only when the index is corrupt; callers turn that into
/// [`not_evaluated`].
pub fn check(graph: &DependencyGraph, db: &AdvisoryDb) -> Result<Vec<Finding>, AdvisoryError> {
    check_all(graph, db).map(|(findings, _)| findings)
}

/// [`check`], plus one [`NotEvaluated`] per (package, record) whose ranges cannot be fully
/// evaluated for the locked version (a malformed event version, a range without a parsable
/// `introduced`, a non-SemVer locked version): `advisories of name@version`, naming the
/// record. Such a record never silently counts as "not affected".
pub fn check_all(
    graph: &DependencyGraph,
    db: &AdvisoryDb,
) -> Result<(Vec<Finding>, Vec<NotEvaluated>), AdvisoryError> {
    let mut not_evaluated = unreadable_records(db);
    let mut by_name: HashMap<&str, Vec<IndexedAdvisory>> = HashMap::new();
    let mut paths: Option<Vec<ImporterPath>> = None;
    let file = graph.lockfile.path.display().to_string();
    // name@version → its entries, in graph order.
    let mut entries: Vec<((&str, &str), Vec<PackageId>)> = Vec::new();
    let mut slot: HashMap<(&str, &str), usize> = HashMap::new();
    for (id, package) in graph.iter() {
        if !is_registry(&package.source) {
            continue;
        }
        let key = (package.name.as_str(), package.version.as_str());
        match slot.get(&key) {
            Some(&i) => entries[i].1.push(id),
            None => {
                slot.insert(key, entries.len());
                entries.push((key, vec![id]));
            }
        }
    }
    let mut findings = Vec::new();
    for ((name, version), ids) in entries {
        if !by_name.contains_key(name) {
            by_name.insert(name, db.lookup(name)?);
        }
        let candidates = &by_name[name];
        for a in candidates {
            if let Some(why) = range::unevaluable(&a.affected, version) {
                not_evaluated.push(NotEvaluated {
                    what: format!("advisories of {}", graph.package(ids[0]).id_string()),
                    why: format!("{}: {why}", a.id),
                });
            }
        }
        let matches = matches_for(candidates, version);
        if matches.is_empty() {
            continue;
        }
        let paths = paths.get_or_insert_with(|| graph.shortest_paths());
        let mut all_paths: Vec<(String, Vec<String>)> = Vec::new();
        for id in &ids {
            if let Some(p) = render_path(graph, paths.get(id.index()).and_then(Option::as_ref))
                && !all_paths.contains(&p)
            {
                all_paths.push(p);
            }
        }
        let first = graph.package(ids[0]);
        let path = render_path(graph, paths.get(ids[0].index()).and_then(Option::as_ref));
        let lines: Vec<u32> = ids
            .iter()
            .map(|id| graph.package(*id).location.line)
            .collect();
        for group in group_by_alias(&matches) {
            let mut hit = make_hit(first, &file, &group, path.clone());
            hit.paths = all_paths.clone();
            hit.lines = lines.clone();
            findings.extend(rules::CHECKS.iter().filter_map(|(_, check)| check(&hit)));
        }
    }
    not_evaluated.dedup();
    Ok((findings, not_evaluated))
}

/// One not-evaluated record per document of the database's source that could not be read
/// (`{what: "advisory record <place>", why: "unreadable: <message>; …"}`): what it held was
/// never matched, so the run cannot be called clean.
pub fn unreadable_records(db: &AdvisoryDb) -> Vec<NotEvaluated> {
    db.status()
        .unreadable
        .iter()
        .map(|r| {
            NotEvaluated::new(
                format!("advisory record {}", r.place),
                format!(
                    "unreadable: {}; the advisories it holds were not matched",
                    r.message
                ),
            )
        })
        .collect()
}

/// The `not_evaluated` record for a missing or unreadable database:
/// `{what: "advisories", why: <the error, one line>}`.
pub fn not_evaluated(error: &AdvisoryError) -> NotEvaluated {
    NotEvaluated {
        what: "advisories".to_string(),
        why: error.to_string(),
    }
}

fn is_registry(source: &Source) -> bool {
    match source {
        Source::Registry { .. } => true,
        Source::Patch { original, .. } => is_registry(original),
        _ => false,
    }
}

/// A match borrowing the advisory from the per-name cache.
struct Matched<'a> {
    advisory: &'a IndexedAdvisory,
    fixed: Option<String>,
}

fn matches_for<'a>(advisories: &'a [IndexedAdvisory], version: &str) -> Vec<Matched<'a>> {
    advisories
        .iter()
        .filter(|a| range::affects(&a.affected, version))
        .map(|a| Matched {
            fixed: range::lowest_fixed_above(&a.affected, version),
            advisory: a,
        })
        .collect()
}

/// Groups matches whose id sets intersect (transitively), keeping first-seen order.
fn group_by_alias<'m, 'a>(matches: &'m [Matched<'a>]) -> Vec<Vec<&'m Matched<'a>>> {
    let ids: Vec<Vec<String>> = matches.iter().map(|m| m.advisory.ids()).collect();
    let mut group_of: Vec<usize> = (0..matches.len()).collect();
    for i in 0..matches.len() {
        for j in 0..i {
            if ids[i].iter().any(|x| ids[j].contains(x)) {
                let (from, to) = (group_of[i], group_of[j]);
                for g in group_of.iter_mut() {
                    if *g == from {
                        *g = to;
                    }
                }
            }
        }
    }
    let mut order: Vec<usize> = Vec::new();
    for &g in &group_of {
        if !order.contains(&g) {
            order.push(g);
        }
    }
    order
        .into_iter()
        .map(|g| {
            (0..matches.len())
                .filter(|&i| group_of[i] == g)
                .map(|i| &matches[i])
                .collect()
        })
        .collect()
}

fn make_hit<'a>(
    package: &'a Package,
    file: &str,
    group: &[&Matched<'_>],
    path: Option<(String, Vec<String>)>,
) -> Hit<'a> {
    let mut ids: Vec<String> = Vec::new();
    for m in group {
        for id in m.advisory.ids() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let summary = group
        .iter()
        .map(|m| m.advisory.summary.as_str())
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string();
    let fixed = group
        .iter()
        .filter_map(|m| m.fixed.as_deref())
        .filter_map(|f| Some((range::parse_version(f)?, f)))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, f)| f.to_string());
    Hit {
        package,
        file: file.to_string(),
        ids,
        summary,
        url: group
            .first()
            .map(|m| m.advisory.url.clone())
            .unwrap_or_default(),
        severity: group.iter().filter_map(|m| m.advisory.severity).max(),
        fixed,
        malware: group
            .iter()
            .any(|m| m.advisory.kind == AdvisoryKind::Malware),
        path,
        paths: Vec::new(),
        lines: Vec::new(),
    }
}

fn render_path(
    graph: &DependencyGraph,
    path: Option<&(usize, Vec<PackageId>)>,
) -> Option<(String, Vec<String>)> {
    let (importer, ids) = path?;
    let importer = graph
        .importers
        .get(*importer)
        .map(|i| i.path.clone())
        .unwrap_or_else(|| ".".to_string());
    let chain = ids
        .iter()
        .map(|&id| graph.package(id).id_string())
        .collect();
    Some((importer, chain))
}

/// Words a path for a message: `a@1.0.0 > b@2.0.0` (prefixed with `packages/x: ` for a
/// workspace importer), or a note that the entry is not reachable.
pub(crate) fn path_text(path: &Option<(String, Vec<String>)>) -> String {
    match path {
        Some((importer, chain)) if importer == "." || importer.is_empty() => chain.join(" > "),
        Some((importer, chain)) => format!("{importer}: {}", chain.join(" > ")),
        None => "no path from a direct dependency (unreachable entry)".to_string(),
    }
}

/// The path phrase of a hit: the first path, and how many more there are.
pub(crate) fn paths_text(hit: &Hit<'_>) -> String {
    let more = hit.paths.len().saturating_sub(1);
    match more {
        0 => path_text(&hit.path),
        1 => format!("{} and 1 other path", path_text(&hit.path)),
        n => format!("{} and {n} other paths", path_text(&hit.path)),
    }
}

/// The evidence object shared by both rules: `ids`, `summary`, `url`, `advisory_severity`
/// (as the records give it, `null` when none), `path` (`{importer, packages}` of the first
/// entry, or `null`), `paths` (every distinct path to every entry), `entries` (how many
/// lockfile entries install this `name@version`) and `lines` (their lockfile lines).
pub(crate) fn evidence(hit: &Hit<'_>) -> serde_json::Map<String, serde_json::Value> {
    let value = serde_json::json!({
        "ids": hit.ids,
        "summary": hit.summary,
        "url": hit.url,
        "advisory_severity": hit.severity.map(|s| s.as_str()),
        "path": hit.path.as_ref().map(|(importer, chain)| serde_json::json!({
            "importer": importer,
            "packages": chain,
        })),
        "paths": hit.paths.iter().map(|(importer, chain)| serde_json::json!({
            "importer": importer,
            "packages": chain,
        })).collect::<Vec<_>>(),
        "entries": hit.lines.len(),
        "lines": hit.lines,
    });
    match value {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}
