//! Pull-request review: what does the head lockfile add to what runs on our machines, compared
//! with the base?
//!
//! [`compare`] matches the packages of two [`DependencyGraph`]s by name and reports each
//! [`PackageChange`] (added, removed, version up/down, same version with another
//! `integrity`/`resolved`) with the dependency path that brings it in. [`review`] turns the
//! changes into findings and runs the checks on what is new:
//!
//! - `diff/…` rules for the changes themselves (see [`rules()`]);
//! - lockfile rules on the head graph, keeping only findings the base did not have;
//! - advisories (when a database is given), again only the new ones;
//! - with a metadata policy, the packument rules on every added or changed registry
//!   package's new version (publish age, new publisher, install scripts, …);
//! - for every added registry package, the code scan of its tarball; for every changed one,
//!   both tarballs are scanned and only the findings absent from the old version are kept,
//!   plus the file-level [`delta::FileDelta`] (files added/removed, bytes added, new minified
//!   files, new binaries, new lifecycle scripts).
//!
//! The findings of a review are new by construction, so the exit code (from
//! [`diligence_finding::Report::exit_code`]) reflects only what the pull request adds.
//! [`git`] reads lockfiles at revisions through the `git` CLI.

pub mod changes;
pub mod delta;
pub mod git;
pub mod rules;

pub use changes::{ChangeKind, Direction, PackageChange, compare};

use diligence_analyze::{PackageScan, ScanOptions};
use diligence_finding::{Finding, NotEvaluated};
use diligence_graph::{DependencyGraph, Source};
use diligence_registry::RegistryClient;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Why a review could not start (the CLI maps these to exit 2 with one line).
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// A git command failed (not a repository, unknown revision, …).
    #[error("{command}: {message}")]
    Git { command: String, message: String },
    /// A lockfile or manifest could not be read or parsed.
    #[error("{what}: {message}")]
    Input { what: String, message: String },
}

/// All rules of this crate: `diff/package-added`, `diff/package-removed`,
/// `diff/version-changed`, `diff/integrity-changed`, `diff/new-source`,
/// `diff/new-lifecycle-script`.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    rules::ALL.to_vec()
}

/// What a review may use. Each `None` switches a layer off (the caller decides whether that
/// is an opt-out or a "not evaluated").
#[derive(Default)]
pub struct ReviewOptions<'a> {
    /// Lockfile rules policy for the head (and base) graphs; `None` skips lockfile rules.
    pub lockfile_policy: Option<&'a diligence_lockfile_rules::LockfilePolicy>,
    /// Advisory database; `None` skips advisories.
    pub advisories: Option<&'a diligence_advisory::AdvisoryDb>,
    /// Registry client for tarballs; `None` skips the code scan and the file delta.
    pub registry: Option<&'a RegistryClient>,
    /// Packument metadata rules for every added or changed registry package's new version
    /// (needs `registry`); `None` skips them.
    pub metadata: Option<&'a diligence_metadata::MetadataPolicy>,
    /// The typosquat rule on every registry name the head adds (a direct dependency as a name
    /// someone asked for, a transitive one as a locked name), with this allowlist; `None`
    /// skips it.
    pub typosquat_allowlist: Option<&'a [String]>,
}

/// The outcome of a review: the changes, the new findings (change findings first, then the
/// checks' new findings), and what could not be evaluated.
#[derive(Debug, Default)]
pub struct Review {
    pub changes: Vec<PackageChange>,
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
}

/// Reviews `base` → `head`: see the crate docs. Never fails: a tarball that cannot be fetched
/// or scanned becomes a [`NotEvaluated`] record naming the package.
pub fn review(base: &DependencyGraph, head: &DependencyGraph, opts: &ReviewOptions) -> Review {
    let changes = compare(base, head);
    let mut out = Review::default();
    let file = head.lockfile.path.display().to_string();
    for c in &changes {
        out.findings.extend(change_findings(c, base, &file));
    }
    if let Some(allowlist) = opts.typosquat_allowlist {
        out.findings
            .extend(new_name_typosquats(&changes, base, allowlist, &file));
    }
    if let Some(policy) = opts.lockfile_policy {
        let old = diligence_lockfile_rules::check(base, policy);
        let new = diligence_lockfile_rules::check(head, policy);
        out.findings.extend(only_new(old, new));
    }
    if let Some(db) = opts.advisories {
        match (
            diligence_advisory::check(base, db),
            diligence_advisory::check(head, db),
        ) {
            (Ok(old), Ok(new)) => out.findings.extend(only_new(old, new)),
            (Err(e), _) | (_, Err(e)) => out
                .not_evaluated
                .push(diligence_advisory::not_evaluated(&e)),
        }
    }
    if let Some(client) = opts.registry {
        let scanned: Vec<&PackageChange> = changes
            .iter()
            .filter(|c| {
                c.is_registry()
                    && matches!(
                        c.kind,
                        ChangeKind::Added | ChangeKind::VersionChanged { .. }
                    )
            })
            .collect();
        // Tarballs are fetched and scanned in parallel; results merge in change order.
        let parts: Vec<(Review, Option<delta::FileDelta>)> = scanned
            .par_iter()
            .map(|c| {
                let mut part = Review::default();
                let file_delta = code_review(c, client, &mut part);
                if let Some(policy) = opts.metadata {
                    metadata_review(c, client, policy, &file, &mut part);
                }
                (part, file_delta)
            })
            .collect();
        for (c, (part, file_delta)) in scanned.iter().zip(parts) {
            if let Some(d) = file_delta {
                attach_delta(&mut out, c, &d);
            }
            out.findings.extend(part.findings);
            out.not_evaluated.extend(part.not_evaluated);
        }
    }
    out.changes = changes;
    out
}

/// `metadata/typosquat` on the registry names the head adds (not new versions of names the
/// base has): a direct dependency is a name someone typed, so it is judged as requested; a
/// transitive one as locked.
fn new_name_typosquats(
    changes: &[PackageChange],
    base: &DependencyGraph,
    allowlist: &[String],
    file: &str,
) -> Vec<Finding> {
    use diligence_metadata::NameContext;
    let known: std::collections::HashSet<&str> =
        base.packages.iter().map(|p| p.name.as_str()).collect();
    let mut seen = std::collections::HashSet::new();
    changes
        .iter()
        .filter(|c| matches!(c.kind, ChangeKind::Added) && c.is_registry())
        .filter(|c| !known.contains(c.package.name.as_str()) && seen.insert(&c.package.name))
        .filter_map(|c| {
            let p = &c.package;
            let context = match c.path.len() {
                1 => NameContext::Requested { exists: Some(true) },
                _ => NameContext::Locked,
            };
            diligence_metadata::check_name(&p.name, &p.version, context, allowlist)
                .map(|f| f.at(file, p.location.line))
        })
        .collect()
}

/// The `diff/…` findings of one change.
fn change_findings(c: &PackageChange, base: &DependencyGraph, file: &str) -> Vec<Finding> {
    let p = &c.package;
    let line = p.location.line;
    let base_file = base.lockfile.path.display().to_string();
    let mut evidence = json!({
        "path": c.path,
        "importer": c.importer,
        "source": p.source.kind(),
        "resolved": p.source.resolved(),
    });
    let finding = match &c.kind {
        ChangeKind::Added => {
            evidence["change"] = json!("added");
            Finding::new(
                &rules::package_added::PACKAGE_ADDED,
                format!("{} added{}", p.id_string(), via(&c.path)),
            )
            .at(file, line)
        }
        ChangeKind::Removed => {
            evidence["change"] = json!("removed");
            Finding::new(
                &rules::package_removed::PACKAGE_REMOVED,
                format!("{} removed", p.id_string()),
            )
            .at(&base_file, line)
        }
        ChangeKind::VersionChanged { from, direction } => {
            evidence["change"] = json!(format!("{from} → {}", p.version));
            evidence["from"] = json!(from);
            evidence["direction"] = json!(direction.as_str());
            Finding::new(
                &rules::version_changed::VERSION_CHANGED,
                format!(
                    "{} {from} → {} ({}){}",
                    p.name,
                    p.version,
                    direction.as_str(),
                    via(&c.path)
                ),
            )
            .at(file, line)
        }
        ChangeKind::IntegrityChanged => {
            let mut out = vec![integrity_finding(c, file)];
            out.extend(new_source_finding(c, base, file));
            return out;
        }
    };
    let mut out = vec![finding.package(&p.name, &p.version).evidence(evidence)];
    if let Some(f) = new_source_finding(c, base, file) {
        out.push(f);
    }
    out
}

fn via(path: &[String]) -> String {
    match path.len() {
        0 => " (reached by no importer)".to_string(),
        1 => " (direct dependency)".to_string(),
        _ => format!(" (via {})", path[..path.len() - 1].join(" → ")),
    }
}

fn integrity_finding(c: &PackageChange, file: &str) -> Finding {
    let p = &c.package;
    let old = c.old.as_ref();
    let old_integrity = old
        .and_then(|o| o.integrity.as_ref())
        .map(|i| i.to_string());
    let new_integrity = p.integrity.as_ref().map(|i| i.to_string());
    let old_resolved = old.and_then(|o| o.source.resolved());
    let new_resolved = p.source.resolved();
    let what = if old_integrity != new_integrity && old_resolved != new_resolved {
        "integrity and resolved"
    } else if old_integrity != new_integrity {
        "integrity"
    } else {
        "resolved"
    };
    let line = if what == "resolved" {
        p.location.for_resolved()
    } else {
        p.location.for_integrity()
    };
    Finding::new(
        &rules::integrity_changed::INTEGRITY_CHANGED,
        format!(
            "{} changed its {what} while the version stayed {} (was {}, now {})",
            p.name,
            p.version,
            // URLs in full: a tampered one can differ only in its tail (the version in the
            // file name); hashes differ from their first characters.
            if what == "resolved" {
                full(&old_resolved)
            } else {
                shown(&old_integrity)
            },
            if what == "resolved" {
                full(&new_resolved)
            } else {
                shown(&new_integrity)
            },
        ),
    )
    .package(&p.name, &p.version)
    .at(file, line)
    .evidence(json!({
        "change": format!("{what} changed"),
        "old_integrity": old_integrity,
        "new_integrity": new_integrity,
        "old_resolved": old_resolved,
        "new_resolved": new_resolved,
        "path": c.path,
    }))
}

fn full(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "none".to_string())
}

fn shown(v: &Option<String>) -> String {
    match v {
        Some(s) if s.len() > 40 => format!(
            "{}…",
            &s[..s.char_indices().nth(40).map_or(s.len(), |(i, _)| i)]
        ),
        Some(s) => s.clone(),
        None => "none".to_string(),
    }
}

/// `diff/new-source` for an added or changed entry with a non-registry source that the base
/// did not have for that package.
fn new_source_finding(c: &PackageChange, base: &DependencyGraph, file: &str) -> Option<Finding> {
    let p = &c.package;
    if matches!(c.kind, ChangeKind::Removed) {
        return None;
    }
    if matches!(
        p.source,
        Source::Registry { .. } | Source::Workspace { .. } | Source::Patch { .. }
    ) {
        return None;
    }
    let resolved = p.source.resolved();
    let seen = base
        .packages
        .iter()
        .any(|b| b.name == p.name && b.source.resolved() == resolved);
    if seen {
        return None;
    }
    Some(
        Finding::new(
            &rules::new_source::NEW_SOURCE,
            format!(
                "{} now comes from a {} source: {}",
                p.id_string(),
                p.source.kind(),
                resolved.as_deref().unwrap_or("?")
            ),
        )
        .package(&p.name, &p.version)
        .at(file, p.location.for_resolved())
        .evidence(json!({"source": p.source.kind(), "resolved": resolved, "path": c.path})),
    )
}

/// Identity of a finding across the two sides: rule, package, and the evidence without
/// positions (or the message when there is no evidence).
fn finding_key(f: &Finding) -> String {
    let pkg = f
        .package
        .as_ref()
        .map(|p| format!("{}@{}", p.name, p.version))
        .unwrap_or_default();
    let tail = if f.evidence.is_null() {
        f.message.clone()
    } else {
        strip_positions(&f.evidence).to_string()
    };
    format!("{}\0{pkg}\0{tail}", f.rule)
}

fn strip_positions(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "line" | "lines" | "column"))
                .map(|(k, v)| (k.clone(), strip_positions(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_positions).collect()),
        other => other.clone(),
    }
}

/// Findings of `new` whose identity is not among `old`'s.
pub fn only_new(old: Vec<Finding>, new: Vec<Finding>) -> Vec<Finding> {
    let before: BTreeSet<String> = old.iter().map(finding_key).collect();
    new.into_iter()
        .filter(|f| !before.contains(&finding_key(f)))
        .collect()
}

/// Fetches and scans the new (and for version changes the old) tarball of a registry package.
/// Returns the file delta for version changes whose old tarball could be scanned too.
fn code_review(
    c: &PackageChange,
    client: &RegistryClient,
    out: &mut Review,
) -> Option<delta::FileDelta> {
    let p = &c.package;
    let new = match fetch_and_scan(client, &p.name, &p.version, p.integrity.as_ref()) {
        Ok(s) => s,
        Err(why) => {
            out.not_evaluated.push(NotEvaluated {
                what: format!("code scan of {}", p.id_string()),
                why,
            });
            return None;
        }
    };
    let old = match (&c.kind, &c.old) {
        (ChangeKind::VersionChanged { .. }, Some(o)) => {
            match fetch_and_scan(client, &o.name, &o.version, o.integrity.as_ref()) {
                Ok(s) => Some(s),
                Err(why) => {
                    out.not_evaluated.push(NotEvaluated {
                        what: format!("code scan of {} (old side of the delta)", o.id_string()),
                        why,
                    });
                    None
                }
            }
        }
        (ChangeKind::Added, _) => None,
        _ => return None,
    };
    let (code, file_delta) = match &old {
        Some((old_scan, old_files)) => (
            delta::new_code_findings(old_scan, &new.0),
            Some(delta::file_delta(old_files, &new.1)),
        ),
        None => (new.0.findings.clone(), None),
    };
    let scan = PackageScan {
        findings: code,
        ..new.0
    };
    out.findings.extend(scan.to_findings(&p.name, &p.version));
    file_delta
}

/// Puts the file delta into the package's `diff/version-changed` evidence and reports new
/// lifecycle scripts.
fn attach_delta(out: &mut Review, c: &PackageChange, d: &delta::FileDelta) {
    let p = &c.package;
    let target = out.findings.iter_mut().find(|f| {
        f.rule == rules::version_changed::VERSION_CHANGED.id
            && f.package
                .as_ref()
                .is_some_and(|r| r.name == p.name && r.version == p.version)
    });
    if let Some(f) = target {
        f.evidence["files"] = d.to_json();
    }
    for (name, command) in &d.new_lifecycle_scripts {
        out.findings.push(
            Finding::new(
                &rules::new_lifecycle_script::NEW_LIFECYCLE_SCRIPT,
                format!(
                    "{} adds the lifecycle script {name}: {command}",
                    p.id_string()
                ),
            )
            .package(&p.name, &p.version)
            .at("package.json", 0)
            .evidence(json!({"script": name, "command": command})),
        );
    }
}

/// The packument rules on the new version of an added or changed registry package, located at
/// its head lockfile entry.
fn metadata_review(
    c: &PackageChange,
    client: &RegistryClient,
    policy: &diligence_metadata::MetadataPolicy,
    file: &str,
    out: &mut Review,
) {
    let p = &c.package;
    let packument = match client.packument(&p.name) {
        Ok(doc) => doc,
        Err(e) => {
            out.not_evaluated.push(NotEvaluated {
                what: format!("metadata checks of {}", p.id_string()),
                why: e.to_string(),
            });
            return;
        }
    };
    let now = std::time::SystemTime::now();
    let (findings, not_evaluated) =
        diligence_metadata::check_package(&packument, &p.version, now, policy);
    out.findings
        .extend(findings.into_iter().map(|f| match f.location {
            Some(_) => f,
            None => f.at(file, p.location.line),
        }));
    out.not_evaluated.extend(not_evaluated);
}

type Scanned = (PackageScan, Vec<diligence_analyze::PackageFile>);

fn fetch_and_scan(
    client: &RegistryClient,
    name: &str,
    version: &str,
    integrity: Option<&diligence_graph::Integrity>,
) -> Result<Scanned, String> {
    let bytes = client
        .fetch_tarball(name, version, integrity)
        .map_err(|e| e.to_string())?;
    let opts = ScanOptions::default();
    let unpacked = diligence_analyze::archive::unpack_tarball(&bytes, &opts.limits)
        .map_err(|e| format!("{name}@{version}: {e}"))?;
    let files = unpacked.files.clone();
    let scan = diligence_analyze::scan_unpacked(unpacked, &format!("{name}@{version}"), &opts);
    Ok((scan, files))
}
