use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version in the tarball file name is not the entry's version.
    ///
    /// ## What it detects
    /// A registry entry whose normalised `resolved` URL names the right package but a file
    /// `<basename>-<version>.tgz` with another version than the entry's `version` (build
    /// metadata `+…` ignored on both sides). When the path names another package,
    /// `lockfile/resolved-name-mismatch` reports it instead. Evidence:
    /// `{"resolved", "expected", "actual"}`.
    ///
    /// ## Why it matters
    /// Pointing an entry at an older release of the same package — one with a known
    /// vulnerability, or a compromised release since unpublished from the dist-tags — passes
    /// host and name checks, and advisory scanners then judge the version the lockfile claims,
    /// not the one installed. lockfile-lint does not compare versions by default.
    ///
    /// ## Example
    /// ```text
    /// is-number@^7.0.0:
    ///   version "7.0.0"
    ///   resolved "https://registry.yarnpkg.com/is-number/-/is-number-6.0.0.tgz#7535…"
    /// ```
    ///
    /// ## Known false positives
    /// None known for the npm registry, which always names tarballs `<basename>-<version>.tgz`
    /// with the exact published version.
    pub static RESOLVED_VERSION_MISMATCH = { id: "lockfile/resolved-version-mismatch", severity: Severity::High };
}

fn strip_build(version: &str) -> &str {
    version.split('+').next().unwrap_or(version)
}

/// Reports `entry` when its tarball file name carries another version.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let (Some((raw, _)), Some(readings)) = (entry.parsed_url(), &entry.readings) else {
        return;
    };
    let p = entry.package;
    let wanted = strip_build(&p.version);
    let other = readings.iter().flatten().find_map(|t| {
        let version = t.version()?;
        (t.name == p.name && strip_build(version) != wanted).then(|| version.to_string())
    });
    let Some(actual) = other else {
        return;
    };
    let message = format!(
        "{}: `resolved` points at the tarball of version {actual}, not {}: `{raw}`",
        p.id_string(),
        p.version
    );
    let evidence = json!({ "resolved": raw, "expected": p.version, "actual": actual });
    let finding = cx.finding(
        &RESOLVED_VERSION_MISMATCH,
        p,
        p.location.for_resolved(),
        message,
    );
    out.push(finding.evidence(evidence));
}
