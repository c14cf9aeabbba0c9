//! `diff/integrity-changed`.

use super::ChangeContext;
use crate::changes::{ChangeKind, PackageChange};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The `integrity` or `resolved` of a package changed while its version did not.
    ///
    /// ## What it detects
    /// A `name@version` locked in both lockfiles whose integrity hashes share nothing, or
    /// whose `resolved` URL differs. The evidence quotes the old and new values.
    ///
    /// ## Why it matters
    /// A published version is immutable on the npm registry: the same `name@version` always
    /// has the same tarball. A different hash or URL for an unchanged version means the
    /// lockfile now points at other bytes — the classic lockfile-injection tell (Liran Tal,
    /// "Why npm lockfiles can be a security blindspot for injecting malicious modules", 2019).
    ///
    /// ## Example
    /// Base `"integrity": "sha512-AAA…"`, head `"integrity": "sha512-BBB…"` for the same
    /// `node_modules/ms` 2.1.3 entry.
    ///
    /// ## Known false positives
    /// Switching registries (a mirror with other URLs) changes `resolved` for every package at
    /// once; a change from sha1 to sha512 of the same tarball shares no algorithm and is not
    /// flagged (only hashes of a common algorithm are compared).
    pub static INTEGRITY_CHANGED = { id: "diff/integrity-changed", severity: Severity::High };
}

/// The finding for a same-version `integrity`/`resolved` edit, at the edited line.
pub fn check(c: &PackageChange, cx: &ChangeContext<'_>) -> Option<Finding> {
    if c.kind != ChangeKind::IntegrityChanged {
        return None;
    }
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
    let (line, was, now) = if what == "resolved" {
        // URLs in full: a tampered one can differ only in its tail (the version in the file
        // name); hashes differ from their first characters.
        (
            p.location.for_resolved(),
            full(&old_resolved),
            full(&new_resolved),
        )
    } else {
        (
            p.location.for_integrity(),
            shown(&old_integrity),
            shown(&new_integrity),
        )
    };
    let finding = Finding::new(
        &INTEGRITY_CHANGED,
        format!(
            "{} changed its {what} while the version stayed {} (was {was}, now {now})",
            p.name, p.version,
        ),
    )
    .package(&p.name, &p.version)
    .at(&cx.head_file, line)
    .evidence(json!({
        "change": format!("{what} changed"),
        "old_integrity": old_integrity,
        "new_integrity": new_integrity,
        "old_resolved": old_resolved,
        "new_resolved": new_resolved,
        "path": c.path,
    }));
    Some(finding)
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
