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
    /// move or rename: `zeit/ms` → `vercel/ms`, `facebook/jest` → `jestjs/jest`) is info, and
    /// names count as the same when they differ only by the `node-`/`js-` prefixes or the
    /// `-js`/`.js`/`-node` suffixes npm projects add to repository names
    /// (`kelektiv/node-uuid` → `uuidjs/uuid`); the same owner renaming the repository
    /// (`babel/babel-preset-env` → `babel/babel`) is low; another owner *and* name where the new
    /// repository carries the package's own name (`component/emitter` →
    /// `sindresorhus/component-emitter` for `component-emitter`: an adoption or hand-over) is
    /// low.
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
    /// lines of a project that moved). Known gap: a takeover that repoints `repository` at a
    /// repository named after the package under the attacker's account scores low, as an
    /// adoption does; such an attacker needs no repository change at all, so this rule was
    /// never the defence against it (the code and install-script layers are).
    pub static REPOSITORY_CHANGED = { id: "metadata/repository-changed", severity: Severity::Medium };
}

/// How two repository URLs differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    /// Same host and repository name, another owner.
    Owner,
    /// Same host and owner, another repository name.
    Rename,
    /// Same host, another owner and name, and the new name is the package's own name.
    Adopted,
    /// Another host, or another owner and name.
    Elsewhere,
}

/// A repository or package name without the conventions npm projects add to repository
/// names: case, a scope, the `node-`/`js-` prefixes and the `-js`/`.js`/`-node` suffixes.
fn core_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let mut s = lower.rsplit('/').next().unwrap_or("");
    for prefix in ["node-", "js-"] {
        if let Some(rest) = s.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            s = rest;
        }
    }
    for suffix in ["-js", ".js", "-node"] {
        if let Some(rest) = s.strip_suffix(suffix).filter(|r| !r.is_empty()) {
            s = rest;
        }
    }
    s.to_string()
}

/// How `before` → `now` moved, for the package named `package`.
fn classify(package: &str, before: &str, now: &str) -> Move {
    let (Some((h1, o1, n1)), Some((h2, o2, n2))) =
        (repository_parts(before), repository_parts(now))
    else {
        return Move::Elsewhere;
    };
    if h1 != h2 {
        return Move::Elsewhere;
    }
    let (c1, c2) = (core_name(n1), core_name(n2));
    if o1 != o2 && c1 == c2 {
        Move::Owner
    } else if o1 == o2 && n1 != n2 {
        Move::Rename
    } else if c2 == core_name(package) {
        Move::Adopted
    } else {
        Move::Elsewhere
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
    let how_moved = classify(cx.name(), &before, &now);
    let (severity, how) = match how_moved {
        Move::Owner => (Severity::Info, "the same repository under another owner"),
        Move::Rename => (Severity::Low, "renamed by the same owner"),
        Move::Adopted => (
            Severity::Low,
            "another owner, in a repository named after the package (an adoption or hand-over)",
        ),
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
                "move": format!("{how_moved:?}").to_lowercase(),
            })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_are_told_apart() {
        assert_eq!(
            classify("ms", "github.com/zeit/ms", "github.com/vercel/ms"),
            Move::Owner
        );
        assert_eq!(
            classify(
                "babel-preset-env",
                "github.com/babel/babel-preset-env",
                "github.com/babel/babel"
            ),
            Move::Rename
        );
        assert_eq!(
            classify("tool", "github.com/alice/tool", "github.com/mallory/fork"),
            Move::Elsewhere
        );
        assert_eq!(
            classify("tool", "github.com/alice/tool", "gitlab.com/alice/tool"),
            Move::Elsewhere
        );
    }

    /// The moves of the real trees (uuid, findup-sync, flatten, defaults, component-emitter,
    /// yorkie), and the takeover shapes that must stay medium.
    #[test]
    fn naming_conventions_and_adoptions_are_not_elsewhere() {
        let c = |p, a, b| classify(p, a, b);
        assert_eq!(
            c(
                "uuid",
                "github.com/kelektiv/node-uuid",
                "github.com/uuidjs/uuid"
            ),
            Move::Owner
        );
        assert_eq!(
            c(
                "findup-sync",
                "github.com/js-cli/node-findup-sync",
                "github.com/gulpjs/findup-sync"
            ),
            Move::Owner
        );
        assert_eq!(
            c(
                "flatten",
                "github.com/jesusabdullah/node-flatten",
                "github.com/mk-pmb/flatten-js"
            ),
            Move::Owner
        );
        assert_eq!(
            c(
                "component-emitter",
                "github.com/component/emitter",
                "github.com/sindresorhus/component-emitter"
            ),
            Move::Adopted
        );
        assert_eq!(
            c(
                "yorkie",
                "github.com/typicode/husky",
                "github.com/yyx990803/yorkie"
            ),
            Move::Adopted
        );
        // Another owner and a name that is not the package's: still elsewhere.
        assert_eq!(
            c(
                "left-pad",
                "github.com/stevemao/left-pad",
                "github.com/mallory/pad-utils"
            ),
            Move::Elsewhere
        );
        // Another host with the package's name: elsewhere (hosts are not adopted).
        assert_eq!(
            c(
                "left-pad",
                "github.com/stevemao/left-pad",
                "gitlab.com/mallory/left-pad"
            ),
            Move::Elsewhere
        );
        // A bare `node-`/`js` is a name, not a convention.
        assert_eq!(core_name("node-"), "node-");
        assert_eq!(core_name("@scope/Node-Thing.js"), "thing");
    }
}
