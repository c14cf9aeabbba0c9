//! `metadata/no-repository`: the version declares no source repository.

use crate::context::{Outcome, VersionContext, repository_url};
use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// The version declares no source repository.
    ///
    /// ## What it detects
    /// A version manifest without a usable `repository` (string, shorthand or `{url}`).
    ///
    /// ## Why it matters
    /// Without a repository there is no public history to compare the tarball with, and no
    /// provenance can link the tarball to a build. Malicious packages usually have none or
    /// point at the repository of the package they imitate.
    ///
    /// ## Example
    /// A manifest with no `repository` field.
    ///
    /// ## Known false positives
    /// Packages whose source lives elsewhere (a monorepo that omits the field, private code).
    /// Info severity.
    pub static NO_REPOSITORY = { id: "metadata/no-repository", severity: Severity::Info };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    if cx.abbreviated() {
        return Outcome::gap("abbreviated packument has no repository field".into());
    }
    if repository_url(cx.manifest).is_some() {
        return Outcome::Clean;
    }
    let message = format!("{}@{} declares no source repository", cx.name(), cx.version);
    Outcome::found(cx.finding(&NO_REPOSITORY, message))
}
