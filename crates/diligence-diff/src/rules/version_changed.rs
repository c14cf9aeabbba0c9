//! `diff/version-changed`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// A locked package moved to another version (upgrade or downgrade).
    ///
    /// ## What it detects
    /// A package name locked at a version in the base lockfile that is locked at a different
    /// version in the head. The evidence has `change` (`1.0.0 → 1.1.0`), `direction`
    /// (`up`/`down`), the dependency path, and — when both tarballs could be fetched — the
    /// file-level delta: files added and removed, bytes added, new minified files, new
    /// binaries and new lifecycle scripts. Code findings present in the new version and
    /// absent from the old one are reported as their own findings.
    ///
    /// ## Why it matters
    /// Compromised releases (event-stream 3.3.6, ua-parser-js 0.7.29, the 2025 chalk/debug
    /// takeover) arrive as ordinary version bumps; what a reviewer needs is what the new
    /// version does that the old one did not — the cargo-vet "review the delta" idea.
    ///
    /// ## Example
    /// Base `debug@4.3.4`, head `debug@4.3.5`.
    ///
    /// ## Known false positives
    /// None as a fact; informational. A downgrade is reported the same way with
    /// `direction: down` (a downgrade to a vulnerable version is caught by the advisory check).
    pub static VERSION_CHANGED = { id: "diff/version-changed", severity: Severity::Info };
}
