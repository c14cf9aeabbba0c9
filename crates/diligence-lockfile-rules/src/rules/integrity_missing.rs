use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{LockfileFormat, Source};
use serde_json::json;

declare_rule! {
    /// A registry or tarball entry records no integrity hash.
    ///
    /// ## What it detects
    /// An entry fetched from a registry or a tarball URL without `integrity` (npm, yarn
    /// classic — where a `#sha1` URL fragment counts as one —, pnpm `resolution.integrity`, bun)
    /// or `checksum` (yarn berry). Git, local and workspace sources are not expected to have
    /// one. Severity is **medium**; **low** for optional yarn berry entries, because yarn only
    /// writes a checksum for packages it fetched and skips other platforms' optional binaries.
    /// Evidence: `{"source", "resolved"}`.
    ///
    /// ## Why it matters
    /// Without a hash the package manager installs whatever bytes the URL serves today: a
    /// compromised registry account, mirror or proxy goes unnoticed, and a lockfile edit that
    /// also repoints the URL needs no matching hash. Deleting the `integrity` line is the
    /// quiet half of most lockfile-injection diffs.
    ///
    /// ## Example
    /// ```json
    /// "node_modules/is-number": {
    ///   "version": "7.0.0",
    ///   "resolved": "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz"
    /// }
    /// ```
    ///
    /// ## Known false positives
    /// npm `bundled` dependencies ship inside their parent's tarball and have no hash of their
    /// own; the graph does not mark them yet, so they are reported. Very old lockfiles
    /// (npm 5.0, yarn before 0.27) may lack hashes throughout.
    pub static INTEGRITY_MISSING = { id: "lockfile/integrity-missing", severity: Severity::Medium };
}

/// Reports a registry or tarball `entry` without integrity.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    if !matches!(
        entry.fetched,
        Source::Registry { .. } | Source::Tarball { .. }
    ) {
        return;
    }
    let p = entry.package;
    if p.integrity.is_some() {
        return;
    }
    let berry_optional = cx.graph.lockfile.format == LockfileFormat::YarnBerry && p.optional;
    let severity = if berry_optional {
        Severity::Low
    } else {
        Severity::Medium
    };
    let resolved = entry.fetched.resolved();
    let via = match &resolved {
        Some(url) => format!(" (fetched from `{url}`)"),
        None => String::new(),
    };
    let message = format!(
        "{} has no integrity hash{via}: whatever the source serves will be installed",
        p.id_string()
    );
    let evidence = json!({ "source": entry.fetched.kind(), "resolved": resolved });
    let finding = cx.finding(&INTEGRITY_MISSING, p, p.location.for_integrity(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
