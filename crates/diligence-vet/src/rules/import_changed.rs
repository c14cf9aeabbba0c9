//! `vet/import-changed`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// An imported audits file changed since `imports.lock` pinned it; the change is refused.
    ///
    /// ## What it detects
    /// The SHA-256 of an import's file (fetched from its URL, or read from its path) differs
    /// from the one pinned in `supply-chain/imports.lock`. The pinned audits stay in use and
    /// the new file is ignored until `diligence vet regenerate-imports` pins it again. High
    /// when audits were removed or rewritten (a revoked audit, or a tampered file), medium
    /// when audits were only added.
    ///
    /// ## Why it matters
    /// An import is trust in another organisation's reviews. A compromised host or
    /// repository could add an audit for a malicious version, or quietly drop the one that
    /// revoked it; pinning makes every change to that trust a reviewed diff of
    /// `imports.lock`, while a peer adding audits does not break anyone's CI by surprise.
    ///
    /// ## Example
    /// `[imports.acme] url = "https://…/audits.toml"` pinned at `sha256 = "3b1f…"`; the server
    /// now serves a file whose hash is `9c2e…` with one audit removed.
    ///
    /// ## Known false positives
    /// A peer reformatting its file changes the hash without changing an audit: the message
    /// says "0 added, 0 removed"; regenerate the lock after a look.
    pub static IMPORT_CHANGED = { id: "vet/import-changed", severity: Severity::High };
}
