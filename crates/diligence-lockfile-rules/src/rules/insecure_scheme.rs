use super::{CLEARTEXT_SCHEMES, transport};
use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package is fetched over a cleartext transport (`http://`, `git://`, `git+http://`).
    ///
    /// ## What it detects
    /// A registry `resolved` URL, a tarball URL or a git URL whose scheme is `http`, `git` or
    /// `git+http`, unless the policy's `allowed_schemes` lists it. Severity is **high** when
    /// nothing pins the content (no integrity, or a git URL without a full commit hash) and
    /// **medium** when an integrity hash or a pinned commit does: a network attacker can then
    /// still see which packages are installed and block the install, but cannot swap the
    /// content without a second-preimage attack. Evidence: `{"url", "scheme", "pinned"}`.
    ///
    /// ## Why it matters
    /// Anyone on the network path (public Wi-Fi, a compromised proxy, a CI runner's network)
    /// can replace a cleartext download. npm only stopped writing `http://registry.npmjs.org`
    /// URLs in 2017; yarn classic, pnpm and bun fetch whatever scheme the lockfile says.
    ///
    /// ## Example
    /// ```text
    /// debug@^4.3.4:
    ///   version "4.4.3"
    ///   resolved "http://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz#c6ae…"
    /// ```
    ///
    /// ## Known false positives
    /// Old npm 5 lockfiles contain `http://registry.npmjs.org/…` for some entries; npm 7+
    /// rewrites that host to the configured registry (`replace-registry-host=npmjs`), so for
    /// npm they are fetched over https — they are reported at medium when an integrity is
    /// recorded. Internal registries on plain http must be allowed explicitly.
    pub static INSECURE_SCHEME = { id: "lockfile/insecure-scheme", severity: Severity::High };
}

/// Reports `entry` when its fetch URL uses a cleartext scheme the policy does not allow.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let Some((raw, scheme)) = transport(entry) else {
        return;
    };
    if !CLEARTEXT_SCHEMES.contains(&scheme.as_str()) || cx.policy.scheme_allowed(&scheme) {
        return;
    }
    let p = entry.package;
    let pinned = p.integrity.is_some() || super::git_source::pinned_commit(entry.fetched).is_some();
    let (severity, consequence) = if pinned {
        (Severity::Medium, "the recorded hash still pins the content")
    } else {
        (
            Severity::High,
            "nothing pins the content, so it can be replaced in transit",
        )
    };
    let message = format!(
        "{} is fetched over cleartext `{scheme}://`; {consequence}: `{raw}`",
        p.id_string()
    );
    let evidence = json!({ "url": raw, "scheme": scheme, "pinned": pinned });
    let finding = cx.finding(&INSECURE_SCHEME, p, p.location.for_resolved(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
