//! `diff/new-source`.

use diligence_finding::{Severity, declare_rule};

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
