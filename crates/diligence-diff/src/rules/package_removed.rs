//! `diff/package-removed`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// A package locked in the base lockfile is gone from the head lockfile.
    ///
    /// ## What it detects
    /// A package name present in the base lockfile and absent from the head.
    ///
    /// ## Why it matters
    /// Removals reduce what runs; they are listed so the reviewer sees the whole change, and
    /// they never add new risk (a pull request that only removes packages exits 0).
    ///
    /// ## Example
    /// Base `package-lock.json` with `node_modules/left-pad`; head without it.
    ///
    /// ## Known false positives
    /// None; informational.
    pub static PACKAGE_REMOVED = { id: "diff/package-removed", severity: Severity::Info };
}
