use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::Source;
use serde_json::json;

declare_rule! {
    /// A registry package's `resolved` URL points at a host that is not an allowed registry.
    ///
    /// ## What it detects
    /// An entry resolved from a registry (the URL has the registry tarball shape
    /// `…/<name>/-/<name>-<version>.tgz`) whose host, read with the WHATWG URL Standard, is not
    /// in the policy's `allowed-hosts` (default `registry.npmjs.org`, `registry.yarnpkg.com`,
    /// plus the project's configured registry). Covers npm/yarn classic `resolved`, pnpm
    /// `resolution.tarball`, yarn berry `::__archiveUrl=` bindings and bun's URL slot. A
    /// `resolved` value that is not a parsable URL is reported too: its host cannot be
    /// vouched for. Evidence: `{"resolved", "host"}` or `{"resolved", "error"}`.
    ///
    /// ## Why it matters
    /// Lockfile injection (Liran Tal, 2019): a pull request rewrites one `resolved` URL to an
    /// attacker's server that serves a look-alike tarball; reviewers skip lockfile diffs, and
    /// every install then runs the attacker's code. The host is judged as the package manager
    /// parses it, so `https://registry.npmjs.org@evil.example/…` (userinfo) and
    /// `https://evil.example\@registry.npmjs.org/…` are seen as `evil.example`.
    ///
    /// ## Example
    /// ```json
    /// "node_modules/debug": {
    ///   "version": "4.4.3",
    ///   "resolved": "https://npm.evil.example/debug/-/debug-4.4.3.tgz"
    /// }
    /// ```
    ///
    /// ## Known false positives
    /// Projects that install from a private registry or mirror (Artifactory, Verdaccio, a
    /// corporate proxy) must allow its host: the caller adds the configured registry from
    /// `.npmrc` / `.yarnrc.yml`, and `allowed-hosts` takes more. Entries without a `resolved`
    /// URL (pnpm, yarn berry, bun, npm with `omit-lockfile-registry-resolved`) use the
    /// configured registry and are not reported.
    pub static RESOLVED_HOST = { id: "lockfile/resolved-host", severity: Severity::High };
}

/// Reports `entry` when its registry `resolved` URL is unparsable or on a host not allowed.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let Source::Registry { .. } = entry.fetched else {
        return;
    };
    let Some((raw, parsed)) = &entry.url else {
        return;
    };
    let p = entry.package;
    let line = p.location.for_resolved();
    let url = match parsed {
        Ok(url) => url,
        Err(error) => {
            let message = format!(
                "{} has a `resolved` value that is not a valid URL ({error}), so its host cannot be checked: `{raw}`",
                p.id_string()
            );
            let evidence = json!({ "resolved": raw, "error": error });
            out.push(
                cx.finding(&RESOLVED_HOST, p, line, message)
                    .evidence(evidence),
            );
            return;
        }
    };
    if cx.host_allowed(url) {
        return;
    }
    let host = url.authority();
    let shown = if host.is_empty() {
        "(none)"
    } else {
        host.as_str()
    };
    let message = format!(
        "{} is resolved from host `{shown}`, which is not an allowed registry ({}): `{raw}`",
        p.id_string(),
        cx.allowed_hosts_shown()
    );
    let evidence = json!({ "resolved": raw, "host": host });
    out.push(
        cx.finding(&RESOLVED_HOST, p, line, message)
            .evidence(evidence),
    );
}
