//! The ledger in the review of a change (`diff`, and `install`'s plan): the packages a
//! change adds or upgrades that the ledger does not cover, the size of the review each needs
//! and the `diligence vet certify …` command that records it.
//!
//! The same coverage as `vet` ([`crate::check::vet_with_imports`]) runs over the base and
//! the head lockfile against one ledger; what the head has and the base had not is the
//! change's (`vet/unaudited`, `vet/integrity-mismatch`, `vet/violation`). Imports count
//! with their pinned copies; nothing is fetched but the tarballs that size a review.
//!
//! Trust boundary (decided with cargo-vet's model in mind): cargo-vet reads audits from the
//! checked-out tree, so a pull request's own audits count in its CI run, and its reviewers
//! see them in the diff. For a gate that is also the one way a pull request could certify
//! itself: the author writes `[[audits.NAME]]` as easily as the lockfile line. So the
//! *trusted* ledger — the base revision's `supply-chain/`, read as `diff` reads the base's
//! `diligence.toml` and `.npmrc` — decides coverage, and the *proposed* ledger (the head's)
//! is reviewable data: a package covered only by entries the change adds is
//! `vet/certified-in-change` (medium, naming the entries and the size of what they claim),
//! not `vet/unaudited` (high). The normal workflow — certify in the pull request that adds
//! the dependency — passes the default gate and puts the audit in front of the reviewer;
//! a team that wants a second person on every audit fails the gate on it with
//! `--fail-on medium`.

use crate::check::{unaudited_message, vet_with_imports};
use crate::coverage::{Coverage, Locked, Status};
use crate::format::{AuditKind, Exemption, audit_identity};
use crate::imports::pinned;
use crate::review::TarballSource;
use crate::rules::certified_in_change::CERTIFIED_IN_CHANGE;
use crate::rules::{
    integrity_mismatch::INTEGRITY_MISMATCH, unaudited::UNAUDITED, violation::VIOLATION,
};
use crate::size::{ReviewSize, delta_size, full_size};
use crate::store::{AUDITS_FILE, EXEMPTIONS_FILE, Store};
use diligence_finding::{Finding, NotEvaluated};
use diligence_graph::DependencyGraph;
use rayon::prelude::*;
use serde_json::json;

/// The ledger findings of the change from `base` to `head`: coverage by the `trusted`
/// ledger, entries of the `proposed` one (the head's, when it may differ) that alone cover a
/// package as `vet/certified-in-change`, and each review sized on tarballs from `source`
/// (`None`: not measured; the evidence says why). Also returns what the head cannot have
/// checked that the base could (an audit whose integrity shares no hash algorithm with the
/// lockfile's, …): a change is never passed by dropping what `diligence vet` would report
/// as not evaluated.
pub fn vet_change(
    base: &DependencyGraph,
    head: &DependencyGraph,
    trusted: &Store,
    proposed: Option<&Store>,
    source: Option<&dyn TarballSource>,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let imports = pinned(&trusted.config.imports, &trusted.lock);
    let before = vet_with_imports(base, trusted, imports.clone());
    let after = vet_with_imports(head, trusted, imports);
    let kept = |f: &Finding| {
        [&UNAUDITED, &INTEGRITY_MISMATCH, &VIOLATION]
            .iter()
            .any(|r| r.id == f.rule)
    };
    let old: Vec<Finding> = before.findings.into_iter().filter(kept).collect();
    let new: Vec<Finding> = after.findings.into_iter().filter(kept).collect();
    let new = diligence_diff::only_new(old, new);
    let not_evaluated: Vec<NotEvaluated> = after
        .not_evaluated
        .iter()
        .filter(|n| !before.not_evaluated.contains(n))
        .cloned()
        .collect();
    let proposed_coverage = proposed.map(|p| {
        let imports = pinned(&p.config.imports, &p.lock);
        crate::check::coverage_of(head, p, &imports).1
    });
    let findings = new
        .into_par_iter()
        .map(|f| {
            if f.rule != UNAUDITED.id {
                return f;
            }
            let Some((name, version)) = f.package.as_ref().map(|p| (&p.name, &p.version)) else {
                return f;
            };
            let Some(locked) = unaudited(&after.coverage, name, version) else {
                return f;
            };
            let size = sizing(source, locked);
            let covered_by_head = proposed_coverage
                .as_ref()
                .is_some_and(|c| covered(c, name, version));
            match proposed {
                Some(p) if covered_by_head => certified_in_change(f, trusted, p, locked, &size),
                _ => with_size(f, trusted, locked, &size),
            }
        })
        .collect();
    (findings, not_evaluated)
}

/// The size of reviewing `name@to`: the delta from `from`, else in full. Errors: one line
/// naming the tarball that could not be fetched or unpacked.
pub fn review_size(
    source: &dyn TarballSource,
    name: &str,
    from: Option<&str>,
    to: &str,
) -> Result<ReviewSize, String> {
    let target = source.tarball(name, to)?;
    match from {
        Some(f) => {
            let old = source.tarball(name, f)?;
            Ok(delta_size(&old.files, &target.files).0)
        }
        None => Ok(full_size(&target.files)),
    }
}

/// The measured size, or why there is none.
type Sizing = Result<ReviewSize, String>;

fn sizing(source: Option<&dyn TarballSource>, p: &Locked) -> Sizing {
    let Status::Unaudited { base, .. } = &p.evaluation.status else {
        return Err("covered".into());
    };
    match source {
        Some(src) => review_size(src, &p.name, base.as_deref(), &p.version),
        None => Err("not measured: no registry to fetch the tarballs from".into()),
    }
}

fn size_evidence(size: &Sizing) -> serde_json::Value {
    match size {
        Ok(s) => json!(s),
        Err(why) => json!({ "error": why }),
    }
}

/// The locked package the finding is about, when the trusted ledger leaves it unaudited.
fn unaudited<'c>(c: &'c Coverage, name: &str, version: &str) -> Option<&'c Locked> {
    c.packages.iter().find(|p| {
        p.name == name
            && p.version == version
            && matches!(p.evaluation.status, Status::Unaudited { .. })
    })
}

/// Whether every locked copy of `name@version` is covered (audited, exempted or not
/// required, with no integrity mismatch) by the ledger behind `c`.
fn covered(c: &Coverage, name: &str, version: &str) -> bool {
    let mut copies = c
        .packages
        .iter()
        .filter(|p| p.name == name && p.version == version)
        .peekable();
    copies.peek().is_some()
        && copies.all(|p| {
            p.evaluation.mismatches.is_empty()
                && !matches!(p.evaluation.status, Status::Unaudited { .. })
        })
}

/// `vet/unaudited` with the size of the review in its message and evidence.
fn with_size(mut f: Finding, trusted: &Store, p: &Locked, size: &Sizing) -> Finding {
    let Status::Unaudited { missing, base } = &p.evaluation.status else {
        return f;
    };
    let criteria = trusted.criteria.minimal_names(*missing).join(", ");
    let described = size.as_ref().ok().map(ReviewSize::describe);
    f.message = unaudited_message(
        &p.name,
        &p.version,
        &criteria,
        base.as_deref(),
        described.as_deref(),
    );
    if let Some(evidence) = f.evidence.as_object_mut() {
        evidence.insert("review".into(), size_evidence(size));
    }
    f
}

/// `vet/certified-in-change` for a package only the head's new entries cover.
fn certified_in_change(
    unaudited: Finding,
    trusted: &Store,
    proposed: &Store,
    p: &Locked,
    size: &Sizing,
) -> Finding {
    let entries = added_entries(trusted, proposed, &p.name, &p.version);
    let listed = if entries.is_empty() {
        "criteria, policy or imports this change configures".to_string()
    } else {
        entries
            .iter()
            .map(|(text, _)| text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let size_text = match size {
        Ok(s) => format!(" ({})", s.describe()),
        Err(_) => String::new(),
    };
    let mut evidence = unaudited.evidence.clone();
    if let Some(e) = evidence.as_object_mut() {
        e.insert("review".into(), size_evidence(size));
        e.insert(
            "entries".into(),
            json!(entries.iter().map(|(_, place)| place).collect::<Vec<_>>()),
        );
    }
    let mut f = Finding::new(
        &CERTIFIED_IN_CHANGE,
        format!(
            "{}@{} is covered only by ledger entries this change adds ({listed}): approve them with the code they cover{size_text}",
            p.name, p.version
        ),
    )
    .package(&p.name, &p.version)
    .evidence(evidence);
    f.location = unaudited.location;
    f
}

/// The head's audits and exemptions of `name` the trusted ledger does not have, those about
/// `version` first (else all of the package's): (description, `file:line`).
fn added_entries(
    trusted: &Store,
    proposed: &Store,
    name: &str,
    version: &str,
) -> Vec<(String, String)> {
    let exemption_key = |e: &Exemption| Exemption {
        line: 0,
        ..e.clone()
    };
    let known_audits: Vec<String> = trusted
        .audits
        .iter()
        .filter(|a| a.package == name)
        .map(audit_identity)
        .collect();
    let known_exemptions: Vec<Exemption> = trusted
        .exemptions
        .iter()
        .filter(|e| e.package == name)
        .map(exemption_key)
        .collect();
    let mut about: Vec<(bool, String, String)> = Vec::new();
    for a in proposed.audits.iter().filter(|a| a.package == name) {
        if known_audits.contains(&audit_identity(a)) {
            continue;
        }
        let (what, to) = match &a.kind {
            AuditKind::Full { version } => (format!("full audit of {version}"), version.as_str()),
            AuditKind::Delta { from, to } => (format!("delta {from} -> {to}"), to.as_str()),
            AuditKind::Violation { .. } => continue,
        };
        let place = format!("{}:{}", proposed.file(AUDITS_FILE), a.line);
        let who = if a.who.is_empty() {
            String::new()
        } else {
            format!(" by {}", a.who.join(", "))
        };
        let criteria = a.criteria.join(", ");
        about.push((
            to == version,
            format!("audit at {place}{who}, {what} for {criteria}"),
            place,
        ));
    }
    for e in proposed.exemptions.iter().filter(|e| e.package == name) {
        if known_exemptions.contains(&exemption_key(e)) {
            continue;
        }
        let place = format!("{}:{}", proposed.file(EXEMPTIONS_FILE), e.line);
        about.push((
            e.version == version,
            format!(
                "exemption at {place} of {} for {}",
                e.version,
                e.criteria.join(", ")
            ),
            place,
        ));
    }
    let exact = about.iter().any(|(v, _, _)| *v);
    about
        .into_iter()
        .filter(|(v, _, _)| *v || !exact)
        .map(|(_, text, place)| (text, place))
        .collect()
}
