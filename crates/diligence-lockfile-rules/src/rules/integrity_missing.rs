use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{LockfileFormat, Package, Source};
use serde_json::json;

declare_rule! {
    /// A registry or tarball entry records no integrity hash.
    ///
    /// ## What it detects
    /// An entry fetched from a registry or a tarball URL without `integrity` (npm, yarn
    /// classic — where a `#sha1` URL fragment counts as one —, pnpm `resolution.integrity`, bun)
    /// or `checksum` (yarn berry). Git, local and workspace sources are not expected to have
    /// one. Severity is **medium**; **low** for optional yarn berry entries, because yarn only
    /// writes a checksum for packages it fetched and skips other platforms' optional binaries;
    /// **info** for npm entries that look bundled in their parent (see below). Evidence: `{"source", "resolved"}`.
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
    /// npm bundled dependencies ship inside their parent's tarball and have no hash of their
    /// own: reported at info. In npm v2/v3 lockfiles an entry counts as bundled only when the
    /// graph marks it so (its parent's lock entry lists it in `bundleDependencies`, as npm
    /// decides; see `Package::bundled`); a nested entry whose parent does not bundle it is
    /// fetched from the registry and stays medium. v1 lockfiles do not record bundles: there
    /// an entry with neither `resolved` nor `integrity` nested in a folder whose entry has an
    /// integrity is taken as bundled (info), so a hand edit that strips both fields from a
    /// nested v1 entry is only info too. Very old lockfiles (npm 5.0, yarn before 0.27) may
    /// lack hashes throughout.
    pub static INTEGRITY_MISSING = { id: "lockfile/integrity-missing", severity: Severity::Medium };
}

/// For an npm entry with neither `resolved` nor `integrity` — the shape npm writes for a
/// dependency bundled in its parent's tarball (`inBundle`, v1 `bundled`) — the nearest
/// enclosing `node_modules` folder entry that has an integrity, through ancestors of the same
/// bundled shape. `None` otherwise.
fn bundling_ancestor<'a>(cx: &Cx<'a>, entry: &Entry<'_>) -> Option<&'a Package> {
    let bare = |p: &Package| {
        p.integrity.is_none() && matches!(p.source, Source::Registry { resolved: None })
    };
    if cx.npm_folders.is_empty() || !bare(entry.package) {
        return None;
    }
    // v2/v3 record bundles (`bundleDependencies` of the parent entry): trust only those.
    if cx.graph.lockfile.version != "1" && !entry.package.bundled {
        return None;
    }
    let mut key = entry.package.key.as_str();
    while let Some(cut) = key.rfind("/node_modules/") {
        key = &key[..cut];
        let parent = cx.graph.package(*cx.npm_folders.get(key)?);
        if parent.integrity.is_some() {
            return Some(parent);
        }
        if !bare(parent) {
            return None;
        }
    }
    None
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
    let resolved = entry.fetched.resolved();
    let (severity, message) = if let Some(bundler) = bundling_ancestor(cx, entry) {
        let message = format!(
            "{} has no integrity hash of its own; it looks bundled in {}, whose integrity pins it",
            p.id_string(),
            bundler.id_string()
        );
        (Severity::Info, message)
    } else {
        let berry_optional = cx.graph.lockfile.format == LockfileFormat::YarnBerry && p.optional;
        let severity = if berry_optional {
            Severity::Low
        } else {
            Severity::Medium
        };
        let via = match &resolved {
            Some(url) => format!(" (fetched from `{url}`)"),
            None => String::new(),
        };
        let message = format!(
            "{} has no integrity hash{via}: whatever the source serves will be installed",
            p.id_string()
        );
        (severity, message)
    };
    let evidence = json!({ "source": entry.fetched.kind(), "resolved": resolved });
    let finding = cx.finding(&INTEGRITY_MISSING, p, p.location.for_integrity(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
