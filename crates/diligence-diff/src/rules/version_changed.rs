//! `diff/version-changed`.

use super::{ChangeContext, base_evidence, via};
use crate::changes::{ChangeKind, PackageChange};
use crate::delta::FileDelta;
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A locked package moved to another version (upgrade or downgrade).
    ///
    /// ## What it detects
    /// A package name locked at a version in the base lockfile that is locked at a different
    /// version in the head. The evidence has `change` (`1.0.0 → 1.1.0`), `direction`
    /// (`up`/`down`), the dependency path, and — when both tarballs could be fetched — the
    /// file-level delta: files added and removed, bytes added, new minified files, new
    /// binaries and new lifecycle scripts. Code findings present in the new version and
    /// absent from the old one are reported as their own findings.
    ///
    /// ## Why it matters
    /// Compromised releases (event-stream 3.3.6, ua-parser-js 0.7.29, the 2025 chalk/debug
    /// takeover) arrive as ordinary version bumps; what a reviewer needs is what the new
    /// version does that the old one did not — the cargo-vet "review the delta" idea.
    ///
    /// ## Example
    /// Base `debug@4.3.4`, head `debug@4.3.5`.
    ///
    /// ## Known false positives
    /// None as a fact; informational. A downgrade is reported the same way with
    /// `direction: down` (a downgrade to a vulnerable version is caught by the advisory check).
    pub static VERSION_CHANGED = { id: "diff/version-changed", severity: Severity::Info };
}

/// The finding for a version change, at the head lockfile entry. The code layer adds the
/// file delta to its evidence ([`attach_file_delta`]).
pub fn check(c: &PackageChange, cx: &ChangeContext<'_>) -> Option<Finding> {
    let ChangeKind::VersionChanged { from, direction } = &c.kind else {
        return None;
    };
    let p = &c.package;
    let mut evidence = base_evidence(c);
    evidence["change"] = json!(format!("{from} → {}", p.version));
    evidence["from"] = json!(from);
    evidence["direction"] = json!(direction.as_str());
    let finding = Finding::new(
        &VERSION_CHANGED,
        format!(
            "{} {from} → {} ({}){}",
            p.name,
            p.version,
            direction.as_str(),
            via(&c.path)
        ),
    )
    .at(&cx.head_file, p.location.line)
    .package(&p.name, &p.version)
    .evidence(evidence);
    Some(finding)
}

/// Puts the file delta of `name@version` into its `diff/version-changed` finding's evidence
/// (`evidence.files`).
pub fn attach_file_delta(findings: &mut [Finding], name: &str, version: &str, delta: &FileDelta) {
    let target = findings.iter_mut().find(|f| {
        f.rule == VERSION_CHANGED.id
            && f.package
                .as_ref()
                .is_some_and(|r| r.name == name && r.version == version)
    });
    if let Some(f) = target {
        f.evidence["files"] = delta.to_json();
    }
}
