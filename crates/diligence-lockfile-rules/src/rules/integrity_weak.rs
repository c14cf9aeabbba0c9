use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::HashAlgorithm;
use serde_json::json;

declare_rule! {
    /// An entry's integrity is only a sha1 hash.
    ///
    /// ## What it detects
    /// An integrity (SRI, or a yarn classic `#<sha1>` URL fragment) whose strongest hash is
    /// sha1. Severity is **medium** when other entries of the same lockfile record sha512 —
    /// the package manager writes the strongest hash the registry offers, so a lone sha1 is
    /// either a package published before 2017 or a downgrade — and **low** when the whole
    /// lockfile is sha1-only (yarn before 1.10, npm 5.0), where sha1 is the format's norm.
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
    /// Packages published before npm added sha512 (April 2017) only have a sha1 `shasum` on
    /// the registry, and every package manager records it; they are reported at medium in
    /// otherwise-sha512 lockfiles. The registry cross-check can tell a downgrade from an old
    /// package by comparing with the packument's `dist.integrity`.
    pub static INTEGRITY_WEAK = { id: "lockfile/integrity-weak", severity: Severity::Medium };
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
    let severity = if cx.strong_hash_present {
        Severity::Medium
    } else {
        Severity::Low
    };
    let message = format!(
        "{} is pinned only by a sha1 hash `{strongest}`; sha1 admits practical collisions",
        p.id_string()
    );
    let evidence = json!({ "integrity": integrity.to_string(), "algorithm": "sha1" });
    let finding = cx.finding(&INTEGRITY_WEAK, p, p.location.for_integrity(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
