//! Coverage: is each locked registry package covered, for the criteria it needs, by a full
//! audit, a chain of delta audits from an audited version, an import, or an exemption?
//!
//! Per package name, the entries form a small graph over versions: full audits and
//! exemptions are roots carrying their criteria (closed under `implies`); a delta audit
//! `a -> b` carries to `b` what `a` has, intersected with its own criteria. A version is
//! covered for a requirement when what reaches it contains every required criterion. The
//! sources are tried in order — own full audits, own delta chains, imports, exemptions — so
//! the result says the strongest way a package is covered.
//!
//! An entry about the locked version itself carries the tarball integrity it was written
//! for; when the lockfile's integrity differs, the entry covers nothing and is reported
//! (the version was republished under the same number, or the lockfile was edited). A
//! violation entry whose range holds the version fails it for its criteria, whatever
//! else covers it.

use crate::criteria::{CriteriaSet, CriteriaTable};
use crate::format::{Audit, AuditKind, Exemption};
use crate::imports::{ImportState, localize};
use diligence_graph::{DependencyGraph, Integrity, PackageId, Source};
use diligence_registry::verify::{Comparison, compare};
use nodejs_semver::{Range, Version};
use std::collections::{BTreeMap, HashMap};

/// A locked version: name, version and the tarball integrity it was locked with.
type GroupKey<'a> = (&'a str, &'a str, Option<&'a Integrity>);

/// Where an entry comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// `audits.toml`, at a 1-based line.
    Audits { line: u32 },
    /// An import, by its name in `config.toml`.
    Import { name: String },
    /// `exemptions.toml`, at a 1-based line.
    Exemptions { line: u32 },
}

impl Origin {
    fn rank(&self) -> Source3 {
        match self {
            Origin::Audits { .. } => Source3::Own,
            Origin::Import { .. } => Source3::Imported,
            Origin::Exemptions { .. } => Source3::Exempted,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source3 {
    Own,
    Imported,
    Exempted,
}

/// One usable entry, in the project's criteria namespace.
#[derive(Debug, Clone)]
struct Entry {
    origin: Origin,
    /// Full audit or exemption: `from` is `None`. Delta: `Some(from)`.
    from: Option<String>,
    to: String,
    /// Closed under `implies`.
    criteria: CriteriaSet,
    integrity: Option<Integrity>,
}

/// A violation entry.
#[derive(Debug, Clone)]
struct Violation {
    origin: Origin,
    range: Range,
    range_text: String,
    /// Raw (not closed) criteria the versions fail.
    criteria: CriteriaSet,
    notes: Option<String>,
}

/// All entries of the ledger (own audits, pinned imports, exemptions), indexed by name.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: HashMap<String, Vec<Entry>>,
    violations: HashMap<String, Vec<Violation>>,
}

impl Ledger {
    /// Indexes own audits, the audits of pinned imports (mapped through `criteria-map`) and
    /// exemptions.
    pub fn new(
        table: &CriteriaTable,
        audits: &[Audit],
        imports: &[ImportState],
        exemptions: &[Exemption],
    ) -> Ledger {
        let mut ledger = Ledger::default();
        for a in audits {
            let closure = table.closure_of(a.criteria.iter().map(String::as_str));
            let raw = table.set_of(a.criteria.iter().map(String::as_str));
            ledger.add_audit(a, Origin::Audits { line: a.line }, closure, raw);
        }
        for state in imports {
            let Some(locked) = &state.locked else {
                continue;
            };
            let origin = Origin::Import {
                name: state.config.name.clone(),
            };
            for (a, closure, raw) in localize(&state.config, locked, table) {
                ledger.add_audit(&a, origin.clone(), closure, raw);
            }
        }
        for e in exemptions {
            ledger
                .entries
                .entry(e.package.clone())
                .or_default()
                .push(Entry {
                    origin: Origin::Exemptions { line: e.line },
                    from: None,
                    to: e.version.clone(),
                    criteria: table.closure_of(e.criteria.iter().map(String::as_str)),
                    integrity: e.integrity.clone(),
                });
        }
        ledger
    }

    fn add_audit(&mut self, a: &Audit, origin: Origin, closure: CriteriaSet, raw: CriteriaSet) {
        let (from, to) = match &a.kind {
            AuditKind::Full { version } => (None, version.clone()),
            AuditKind::Delta { from, to } => (Some(from.clone()), to.clone()),
            AuditKind::Violation { range } => {
                if let Ok(parsed) = Range::parse(range) {
                    self.violations
                        .entry(a.package.clone())
                        .or_default()
                        .push(Violation {
                            origin,
                            range: parsed,
                            range_text: range.clone(),
                            criteria: raw,
                            notes: a.notes.clone(),
                        });
                }
                return;
            }
        };
        self.entries
            .entry(a.package.clone())
            .or_default()
            .push(Entry {
                origin,
                from,
                to,
                criteria: closure,
                integrity: a.integrity.clone(),
            });
    }

    /// Evaluates one locked `name@version` with the lockfile's `integrity` against the raw
    /// requirement `required`.
    pub fn evaluate(
        &self,
        table: &CriteriaTable,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
        required: CriteriaSet,
    ) -> Evaluation {
        let entries: &[Entry] = self.entries.get(name).map_or(&[], Vec::as_slice);
        let mut eval = Evaluation {
            status: Status::NotRequired,
            mismatches: Vec::new(),
            unverified: Vec::new(),
            violations: Vec::new(),
        };
        // Entries about this very version are checked against the lockfile's tarball.
        let mut usable = vec![true; entries.len()];
        for (i, e) in entries.iter().enumerate() {
            let Some(recorded) = e.integrity.as_ref().filter(|_| e.to == version) else {
                continue;
            };
            match agree(Some(recorded), integrity) {
                Agreement::Same => {}
                Agreement::Differs => {
                    usable[i] = false;
                    eval.mismatches.push(Mismatch {
                        origin: e.origin.clone(),
                        recorded: recorded.clone(),
                        delta_from: e.from.clone(),
                    });
                }
                // No hash in the lockfile (npm's bundled dependencies ship inside their
                // parent's pinned tarball; a missing hash elsewhere is the lockfile rules'
                // `lockfile/integrity-missing`): nothing to compare, not a doubt about the entry.
                Agreement::Unknown if integrity.is_none() => {}
                Agreement::Unknown => eval.unverified.push(e.origin.clone()),
            }
        }
        let expanded = table.expand(required);
        if let (Some(vs), Ok(v)) = (self.violations.get(name), Version::parse(version)) {
            for vi in vs {
                if vi.range.satisfies_with_prerelease(&v, true)
                    && !vi.criteria.intersection(expanded).is_empty()
                {
                    eval.violations.push(ViolationHit {
                        origin: vi.origin.clone(),
                        range: vi.range_text.clone(),
                        criteria: vi.criteria,
                        notes: vi.notes.clone(),
                    });
                }
            }
        }
        if required.is_empty() {
            return eval;
        }
        let steps = [
            (Source3::Own, false),
            (Source3::Own, true),
            (Source3::Imported, true),
            (Source3::Exempted, true),
        ];
        let mut reached = HashMap::new();
        for (upto, deltas) in steps {
            reached = reach(entries, &usable, upto, deltas);
            let at = reached.get(version).copied().unwrap_or_default();
            if at.contains_all(required) {
                eval.status = match (upto, deltas) {
                    (Source3::Own, false) => Status::Audited(How::Full),
                    (Source3::Own, true) => Status::Audited(How::Delta),
                    (Source3::Imported, _) => {
                        Status::Audited(How::Imported(imports_used(entries, &usable, version)))
                    }
                    (Source3::Exempted, _) => Status::Exempted,
                };
                return eval;
            }
        }
        let at = reached.get(version).copied().unwrap_or_default();
        eval.status = Status::Unaudited {
            missing: required.minus(at),
            base: nearest_base(&reached, version, required),
        };
        eval
    }

    /// The versions of `name` covered for `required` by the ledger (audits, imports and
    /// exemptions), with how: the bases a delta review can start from.
    pub fn covered_versions(&self, name: &str, required: CriteriaSet) -> Vec<(String, bool)> {
        let entries: &[Entry] = self.entries.get(name).map_or(&[], Vec::as_slice);
        let usable = vec![true; entries.len()];
        let audited = reach(entries, &usable, Source3::Imported, true);
        let all = reach(entries, &usable, Source3::Exempted, true);
        let mut out: Vec<(String, bool)> = all
            .iter()
            .filter(|(_, set)| set.contains_all(required))
            .map(|(v, _)| {
                let by_audit = audited.get(v).is_some_and(|s| s.contains_all(required));
                (v.clone(), by_audit)
            })
            .collect();
        out.sort_by(|a, b| crate::version_cmp(&a.0, &b.0));
        out
    }

    /// Whether `version` of `name` is covered for `required` by audits and imports alone,
    /// and by everything but the exemption at line `without` (for `prune`).
    pub fn covered_without(
        &self,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
        required: CriteriaSet,
        without: &[u32],
    ) -> bool {
        let entries: &[Entry] = self.entries.get(name).map_or(&[], Vec::as_slice);
        let usable: Vec<bool> = entries
            .iter()
            .map(|e| {
                let removed =
                    matches!(e.origin, Origin::Exemptions { line } if without.contains(&line));
                let mismatched = e.to == version
                    && e.integrity.is_some()
                    && agree(e.integrity.as_ref(), integrity) == Agreement::Differs;
                !removed && !mismatched
            })
            .collect();
        reach(entries, &usable, Source3::Exempted, true)
            .get(version)
            .is_some_and(|s| s.contains_all(required))
    }
}

fn imports_used(entries: &[Entry], usable: &[bool], version: &str) -> Vec<String> {
    let mut names: Vec<String> = entries
        .iter()
        .zip(usable)
        .filter(|(e, u)| **u && e.to == version)
        .filter_map(|(e, _)| match &e.origin {
            Origin::Import { name } => Some(name.clone()),
            _ => None,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// What reaches each version from roots of rank ≤ `upto` (and deltas when `deltas`).
fn reach(
    entries: &[Entry],
    usable: &[bool],
    upto: Source3,
    deltas: bool,
) -> HashMap<String, CriteriaSet> {
    let mut at: HashMap<String, CriteriaSet> = HashMap::new();
    let allowed = |e: &Entry, i: usize| usable[i] && e.origin.rank() <= upto;
    for (i, e) in entries.iter().enumerate() {
        if e.from.is_none() && allowed(e, i) {
            let s = at.entry(e.to.clone()).or_default();
            *s = s.union(e.criteria);
        }
    }
    if !deltas {
        return at;
    }
    loop {
        let mut changed = false;
        for (i, e) in entries.iter().enumerate() {
            let Some(from) = &e.from else { continue };
            if !allowed(e, i) {
                continue;
            }
            let carried = at
                .get(from)
                .copied()
                .unwrap_or_default()
                .intersection(e.criteria);
            if carried.is_empty() {
                continue;
            }
            let s = at.entry(e.to.clone()).or_default();
            if !s.contains_all(carried) {
                *s = s.union(carried);
                changed = true;
            }
        }
        if !changed {
            return at;
        }
    }
}

/// The covered version a delta review of `version` should start from: the highest covered
/// version below it, else the lowest above it.
fn nearest_base(
    reached: &HashMap<String, CriteriaSet>,
    version: &str,
    required: CriteriaSet,
) -> Option<String> {
    let target = Version::parse(version).ok()?;
    let mut below: Option<Version> = None;
    let mut above: Option<Version> = None;
    for (v, set) in reached {
        if !set.contains_all(required) {
            continue;
        }
        let Ok(parsed) = Version::parse(v) else {
            continue;
        };
        if parsed < target {
            if below.as_ref().is_none_or(|b| parsed > *b) {
                below = Some(parsed);
            }
        } else if parsed > target && above.as_ref().is_none_or(|a| parsed < *a) {
            above = Some(parsed);
        }
    }
    below.or(above).map(|v| v.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agreement {
    Same,
    Differs,
    Unknown,
}

/// Compares a ledger entry's integrity with the lockfile's.
fn agree(recorded: Option<&Integrity>, locked: Option<&Integrity>) -> Agreement {
    let (Some(r), Some(l)) = (recorded, locked) else {
        return Agreement::Unknown;
    };
    match (r, l) {
        (Integrity::BerryChecksum(a), Integrity::BerryChecksum(b)) => {
            if a == b {
                Agreement::Same
            } else {
                Agreement::Differs
            }
        }
        _ => match compare(r, l) {
            Comparison::Match => Agreement::Same,
            Comparison::Mismatch { .. } => Agreement::Differs,
            Comparison::Incomparable => Agreement::Unknown,
        },
    }
}

/// How an audited package is covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// A full audit of the version in `audits.toml`.
    Full,
    /// A chain of delta audits (from a full audit or an exemption) in `audits.toml`.
    Delta,
    /// Needs imported audits (the imports named).
    Imported(Vec<String>),
}

/// The coverage of one locked version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The policy requires no criteria of it.
    NotRequired,
    Audited(How),
    /// Covered only with an exemption.
    Exempted,
    /// Not covered: the criteria missing, and the covered version a delta review could start
    /// from (`None`: a full review is the only way).
    Unaudited {
        missing: CriteriaSet,
        base: Option<String>,
    },
}

/// An entry written for another tarball of the same version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub origin: Origin,
    pub recorded: Integrity,
    /// For a delta audit: its `from`.
    pub delta_from: Option<String>,
}

/// A violation entry that fails the version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViolationHit {
    pub origin: Origin,
    pub range: String,
    pub criteria: CriteriaSet,
    pub notes: Option<String>,
}

/// The outcome for one locked `name@version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub status: Status,
    pub mismatches: Vec<Mismatch>,
    /// Entries about this version whose integrity could not be compared with the lockfile's
    /// (a yarn berry checksum against an SRI, or no integrity in the lockfile).
    pub unverified: Vec<Origin>,
    pub violations: Vec<ViolationHit>,
}

/// One distinct locked registry package (`name@version` with one integrity) and its nodes.
#[derive(Debug, Clone)]
pub struct Locked {
    pub name: String,
    pub version: String,
    pub integrity: Option<Integrity>,
    /// The nodes of the graph with this name, version and integrity.
    pub nodes: Vec<PackageId>,
    /// Union of the nodes' requirements (raw).
    pub required: CriteriaSet,
    pub evaluation: Evaluation,
}

/// The coverage of a whole graph.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Registry packages, sorted by name and version.
    pub packages: Vec<Locked>,
    /// Nodes outside the ledger (git, tarball URL, file, link, workspace, patch), counted by
    /// source kind.
    pub outside: BTreeMap<&'static str, usize>,
}

impl Coverage {
    /// Evaluates every registry node of `graph` with `required` (from
    /// [`crate::requirements::requirements`]).
    pub fn compute(
        graph: &DependencyGraph,
        required: &[CriteriaSet],
        ledger: &Ledger,
        table: &CriteriaTable,
    ) -> Coverage {
        let mut groups: HashMap<GroupKey<'_>, (Vec<PackageId>, CriteriaSet)> = HashMap::new();
        let mut outside: BTreeMap<&'static str, usize> = BTreeMap::new();
        for (id, p) in graph.iter() {
            if !matches!(p.source, Source::Registry { .. }) {
                *outside.entry(p.source.kind()).or_default() += 1;
                continue;
            }
            let g = groups
                .entry((p.name.as_str(), p.version.as_str(), p.integrity.as_ref()))
                .or_default();
            g.0.push(id);
            g.1 = g.1.union(required[id.index()]);
        }
        let mut packages: Vec<Locked> = groups
            .into_iter()
            .map(|((name, version, integrity), (nodes, req))| Locked {
                evaluation: ledger.evaluate(table, name, version, integrity, req),
                name: name.to_string(),
                version: version.to_string(),
                integrity: integrity.cloned(),
                nodes,
                required: req,
            })
            .collect();
        packages.sort_by(|a, b| {
            a.name
                .cmp(&b.name)
                .then_with(|| crate::version_cmp(&a.version, &b.version))
                .then_with(|| a.nodes.cmp(&b.nodes))
        });
        Coverage { packages, outside }
    }

    /// Counts per status: (not required, full, delta, imported, exempted, unaudited).
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for p in &self.packages {
            match &p.evaluation.status {
                Status::NotRequired => c.not_required += 1,
                Status::Audited(How::Full) => c.full += 1,
                Status::Audited(How::Delta) => c.delta += 1,
                Status::Audited(How::Imported(_)) => c.imported += 1,
                Status::Exempted => c.exempted += 1,
                Status::Unaudited { .. } => c.unaudited += 1,
            }
        }
        c
    }
}

/// Package counts by coverage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub not_required: usize,
    pub full: usize,
    pub delta: usize,
    pub imported: usize,
    pub exempted: usize,
    pub unaudited: usize,
}
