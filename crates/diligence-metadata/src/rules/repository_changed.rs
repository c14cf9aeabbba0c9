//! `metadata/repository-changed`: the repository URL differs from the previous version's.

use crate::context::{Outcome, VersionContext, repository_parts, repository_url};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version's repository URL differs from the previous version's.
    ///
    /// ## What it detects
    /// Both this version and the previous version declare a `repository`, and the URLs differ
    /// after normalising the forms that mean the same place (`git+https://…/x.git`,
    /// `git@host:x`, `host:x`, `github:x`, `x/y` shorthand, case, trailing `/`, a link into the
    /// repository such as `…/tree/main/packages/x`). A different host, or a different owner
    /// *and* name, is medium; the same repository name under another owner (an organisation
    /// move or rename: `zeit/ms` → `vercel/ms`, `facebook/jest` → `jestjs/jest`) is info; the
    /// same owner renaming the repository (`babel/babel-preset-env` → `babel/babel`) is low.
    ///
    /// ## Why it matters
    /// A takeover that points `repository` at another repository makes the package look like
    /// it is built from code the attacker controls, and redirects anyone who goes to read the
    /// source. Legitimate moves happen, but rarely in a patch release.
    ///
    /// ## Example
    /// 1.0.0 `github.com/alice/tool`, 1.0.1 `gitlab.com/mallory/tool-fork`.
    ///
    /// ## Known false positives
    /// Projects that move hosts or merge into a differently named monorepo of another
    /// organisation. A URL that an earlier version already used is not reported (maintenance
    /// lines of a project that moved).
    pub static REPOSITORY_CHANGED = { id: "metadata/repository-changed", severity: Severity::Medium };
}

/// How two repository URLs differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    /// Same host and repository name, another owner.
    Owner,
    /// Same host and owner, another repository name.
    Rename,
    /// Another host, or another owner and name.
    Elsewhere,
}

fn classify(before: &str, now: &str) -> Move {
    match (repository_parts(before), repository_parts(now)) {
        (Some((h1, o1, n1)), Some((h2, o2, n2))) if h1 == h2 && n1 == n2 && o1 != o2 => Move::Owner,
        (Some((h1, o1, n1)), Some((h2, o2, n2))) if h1 == h2 && o1 == o2 && n1 != n2 => {
            Move::Rename
        }
        _ => Move::Elsewhere,
    }
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
    let (severity, how) = match classify(&before, &now) {
        Move::Owner => (Severity::Info, "the same repository under another owner"),
        Move::Rename => (Severity::Low, "renamed by the same owner"),
        Move::Elsewhere => (Severity::Medium, "another repository"),
    };
    let message = format!(
        "repository of {} changed from `{before}` ({}) to `{now}` ({}): {how}",
        cx.name(),
        previous.version,
        cx.version
    );
    Outcome::found(
        cx.finding(&REPOSITORY_CHANGED, message)
            .severity(severity)
            .evidence(json!({
                "previous": previous.version,
                "from": before,
                "to": now,
                "move": format!("{:?}", classify(&before, &now)).to_lowercase(),
            })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_are_told_apart() {
        assert_eq!(
            classify("github.com/zeit/ms", "github.com/vercel/ms"),
            Move::Owner
        );
        assert_eq!(
            classify(
                "github.com/babel/babel-preset-env",
                "github.com/babel/babel"
            ),
            Move::Rename
        );
        assert_eq!(
            classify("github.com/alice/tool", "github.com/mallory/fork"),
            Move::Elsewhere
        );
        assert_eq!(
            classify("github.com/alice/tool", "gitlab.com/alice/tool"),
            Move::Elsewhere
        );
    }
}
