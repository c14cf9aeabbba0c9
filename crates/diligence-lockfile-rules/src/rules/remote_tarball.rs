use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::Source;
use serde_json::json;

declare_rule! {
    /// A package is installed from a tarball URL that is not a registry tarball.
    ///
    /// ## What it detects
    /// Entries whose source is a URL without the registry tarball shape
    /// `…/<name>/-/<name>-<version>.tgz`: code-host archives
    /// (`https://codeload.github.com/<owner>/<repo>/tar.gz/<sha>`), release downloads, any
    /// `https://host/x.tgz` dependency, on a host that is not an allowed registry. Evidence:
    /// `{"url", "host"}`.
    ///
    /// ## Why it matters
    /// A tarball URL is trusted as-is: no registry metadata, no advisories, usually no
    /// integrity hash in yarn classic, and the server can change the bytes. Rewriting a
    /// registry entry to a code-host tarball of an attacker's fork (tamper kind T8) keeps
    /// the package name and looks like a routine `github:` dependency in review.
    ///
    /// ## Example
    /// ```text
    /// picocolors@^1.0.0:
    ///   version "1.1.1"
    ///   resolved "https://codeload.github.com/attacker/picocolors/tar.gz/207246add5106488d95562d69689c8602b4e4793"
    /// ```
    ///
    /// ## Known false positives
    /// Tarballs on an allowed registry host are not reported: registries such as GitHub
    /// Packages serve tarballs under other paths; those entries get the registry cross-checks
    /// instead, unless `--no-registry` (`registry/resolved-mismatch` compares the URL with the
    /// packument's `dist.tarball`). Deliberate URL dependencies (webpack's `tooling` from codeload.github.com) are
    /// reported at medium: they deserve the same review as any non-registry code.
    pub static REMOTE_TARBALL = { id: "lockfile/remote-tarball", severity: Severity::Medium };
}

/// Reports a tarball-sourced `entry`.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let Source::Tarball { url } = entry.fetched else {
        return;
    };
    if cx.on_allowed_registry(url) {
        return;
    }
    let p = entry.package;
    let host = entry.parsed_url().and_then(|(_, u)| u.host.clone());
    let shown = host.as_deref().unwrap_or("(no host)");
    let message = format!(
        "{} is installed from tarball URL `{url}` on `{shown}`, not from a registry",
        p.id_string()
    );
    let evidence = json!({ "url": url, "host": host });
    out.push(
        cx.finding(&REMOTE_TARBALL, p, p.location.for_resolved(), message)
            .evidence(evidence),
    );
}
