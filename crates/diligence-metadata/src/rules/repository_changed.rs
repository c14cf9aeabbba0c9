//! `metadata/repository-changed`: the repository URL differs from the previous version's.

use crate::context::{Outcome, VersionContext, repository_url};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version's repository URL differs from the previous version's.
    ///
    /// ## What it detects
    /// Both this version and the previous version declare a `repository`, and the URLs differ
    /// after normalising the forms that mean the same place (`git+https://…/x.git`,
    /// `git@host:x`, `github:x`, `x/y` shorthand, case, trailing `/`).
    ///
    /// ## Why it matters
    /// A takeover that points `repository` at another repository makes the package look like
    /// it is built from code the attacker controls, and redirects anyone who goes to read the
    /// source. Legitimate moves happen, but rarely in a patch release.
    ///
    /// ## Example
    /// 1.0.0 `github.com/alice/tool`, 1.0.1 `github.com/mallory/tool`.
    ///
    /// ## Known false positives
    /// Transfers to an organisation, renames, moves between hosts. A URL that an earlier
    /// version already used is not reported (maintenance lines of a project that moved).
    pub static REPOSITORY_CHANGED = { id: "metadata/repository-changed", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    if cx.abbreviated() {
        return Outcome::gap("abbreviated packument has no repository field".into());
    }
    let (Some(now), Some(before)) = (
        repository_url(cx.manifest),
        repository_url(previous.manifest),
    ) else {
        return Outcome::Clean;
    };
    if now == before {
        return Outcome::Clean;
    }
    // Back to a URL an earlier version already used: a maintenance line of a moved project
    // (react 19.0.x after the move to `react/react`), not a new place.
    if cx
        .earlier
        .iter()
        .any(|p| repository_url(p.manifest).as_deref() == Some(now.as_str()))
    {
        return Outcome::Clean;
    }
    let message = format!(
        "repository of {} changed from `{before}` ({}) to `{now}` ({})",
        cx.name(),
        previous.version,
        cx.version
    );
    Outcome::found(cx.finding(&REPOSITORY_CHANGED, message).evidence(json!({
        "previous": previous.version,
        "from": before,
        "to": now,
    })))
}
