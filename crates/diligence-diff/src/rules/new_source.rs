//! `diff/new-source`.

use super::ChangeContext;
use crate::changes::{ChangeKind, PackageChange};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::Source;
use serde_json::json;

declare_rule! {
    /// An added or changed package comes from outside the registry (git, tarball URL, file).
    ///
    /// ## What it detects
    /// A head entry whose source is `git`, `tarball`, `file` or `link` (outside workspaces)
    /// when the base had no entry of that package with the same source.
    ///
    /// ## Why it matters
    /// Non-registry sources bypass the registry's immutability and malware takedowns: the
    /// bytes behind a git ref or a URL can change at any time, and npm runs `prepare` scripts
    /// of git dependencies (the 2024 "git dependency" install-script bypass).
    ///
    /// ## Example
    /// Head `"resolved": "git+ssh://git@github.com/someone/fork.git#0123abc"`.
    ///
    /// ## Known false positives
    /// Forks pinned to a commit on purpose; accept them with an `[[ignore]]` entry.
    pub static NEW_SOURCE = { id: "diff/new-source", severity: Severity::Medium };
}

/// The finding for an added or changed entry with a non-registry source that the base did not
/// have for that package.
pub fn check(c: &PackageChange, cx: &ChangeContext<'_>) -> Option<Finding> {
    let p = &c.package;
    if matches!(c.kind, ChangeKind::Removed) {
        return None;
    }
    if matches!(
        p.source,
        Source::Registry { .. } | Source::Workspace { .. } | Source::Patch { .. }
    ) {
        return None;
    }
    let resolved = p.source.resolved();
    let seen = cx
        .base
        .packages
        .iter()
        .any(|b| b.name == p.name && b.source.resolved() == resolved);
    if seen {
        return None;
    }
    let finding = Finding::new(
        &NEW_SOURCE,
        format!(
            "{} now comes from a {} source: {}",
            p.id_string(),
            p.source.kind(),
            resolved.as_deref().unwrap_or("?")
        ),
    )
    .package(&p.name, &p.version)
    .at(&cx.head_file, p.location.for_resolved())
    .evidence(json!({"source": p.source.kind(), "resolved": resolved, "path": c.path}));
    Some(finding)
}
