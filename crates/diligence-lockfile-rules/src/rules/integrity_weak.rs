use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::HashAlgorithm;
use serde_json::json;

declare_rule! {
    /// An entry's integrity is only a sha1 hash.
    ///
    /// ## What it detects
    /// An integrity (SRI, or a yarn classic `#<sha1>` URL fragment) whose strongest hash is
    /// sha1. Severity is **low** by default: packages published before npm added sha512
    /// (April 2017) only have a sha1 on the registry, and lockfiles that lock them lock many
    /// (yarn before 1.10 and npm 5.0 wrote sha1 throughout). It is **medium** when the entry is
    /// an outlier: most hashed entries of the same lockfile record sha512 (or another hash
    /// stronger than sha1) and the sha1-only entries are at most 5% of them (at least one) —
    /// the package manager writes the strongest hash the registry offers, so a lone sha1 in a
    /// sha512 lockfile has the shape of a downgrade (tamper kind T5).
    /// Evidence: `{"integrity", "algorithm"}`.
    ///
    /// ## Why it matters
    /// SHA-1 collisions are practical (SHAttered 2017, chosen-prefix 2020): a malicious
    /// publisher can prepare two tarballs with one sha1. Replacing `sha512-…` with the
    /// genuine `sha1-…` of the same tarball also weakens every later check while looking
    /// legitimate.
    ///
    /// ## Example
    /// ```yaml
    /// ms@2.1.3:
    ///   resolution: {integrity: sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=}
    /// ```
    ///
    /// ## Known false positives
    /// Old packages are real sha1-only pins, reported at low. A project that locks only one
    /// or a few old packages among many sha512 entries has them reported at medium. Offline
    /// a downgrade cannot be told from an old package; the registry cross-check
    /// (`registry/integrity-downgrade`, high) compares with the packument's `dist.integrity`
    /// and reports only real downgrades.
    pub static INTEGRITY_WEAK = { id: "lockfile/integrity-weak", severity: Severity::Low };
}

/// Reports `entry` when its strongest integrity hash is sha1.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let p = entry.package;
    let Some(integrity) = &p.integrity else {
        return;
    };
    let Some(strongest) = integrity.strongest() else {
        return;
    };
    if strongest.algorithm != HashAlgorithm::Sha1 {
        return;
    }
    let severity = if cx.sha1_outlier {
        Severity::Medium
    } else {
        INTEGRITY_WEAK.default_severity
    };
    let message = format!(
        "{} is pinned only by a sha1 hash `{strongest}`; sha1 admits practical collisions",
        p.id_string()
    );
    let evidence = json!({ "integrity": integrity.to_string(), "algorithm": "sha1" });
    let finding = cx.finding(&INTEGRITY_WEAK, p, p.location.for_integrity(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
