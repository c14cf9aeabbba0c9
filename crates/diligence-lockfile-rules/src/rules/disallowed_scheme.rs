use super::{CLEARTEXT_SCHEMES, transport};
use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package's fetch URL uses a scheme the policy does not allow.
    ///
    /// ## What it detects
    /// A registry `resolved` URL, tarball URL or git URL whose scheme is not in the policy's
    /// `allowed_schemes` (default `https`, `git+https`, `git+ssh`, `ssh`) and is not a
    /// cleartext scheme (those are `lockfile/insecure-scheme`). Typical hits: `ftp:`, `data:`,
    /// `git+file:`, `file:` inside a URL slot; with a stricter policy (`allowed_schemes =
    /// ["https"]`) also every git dependency. Evidence: `{"url", "scheme", "allowed"}`.
    ///
    /// ## Why it matters
    /// Unusual schemes make the package manager fetch through code paths nobody reviews
    /// (`git+file:` runs git on a local repository, `data:` embeds the tarball in the lockfile
    /// itself) and bypass registry-based controls; lockfile-lint's `--allowed-schemes` exists
    /// for the same reason.
    ///
    /// ## Example
    /// ```json
    /// "node_modules/ms": { "version": "2.1.3", "resolved": "git+file:///tmp/ms.git#abc" }
    /// ```
    ///
    /// ## Known false positives
    /// Projects that deliberately depend on another transport must list it in
    /// `allowed_schemes`. Local `file:`/`link:` sources are judged by
    /// `lockfile/local-path-outside-project` instead, not by scheme.
    pub static DISALLOWED_SCHEME = { id: "lockfile/disallowed-scheme", severity: Severity::High };
}

/// Reports `entry` when its fetch URL's scheme is neither allowed nor cleartext.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let Some((raw, scheme)) = transport(entry) else {
        return;
    };
    if CLEARTEXT_SCHEMES.contains(&scheme.as_str()) || cx.policy.scheme_allowed(&scheme) {
        return;
    }
    let p = entry.package;
    let allowed = cx.policy.allowed_schemes.join(", ");
    let message = format!(
        "{} is fetched with scheme `{scheme}:`, which is not allowed ({allowed}): `{raw}`",
        p.id_string()
    );
    let evidence = json!({ "url": raw, "scheme": scheme, "allowed": cx.policy.allowed_schemes });
    out.push(
        cx.finding(&DISALLOWED_SCHEME, p, p.location.for_resolved(), message)
            .evidence(evidence),
    );
}
