//! `vet/unused-exemption`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// An exemption no longer exempts anything: `vet prune` would drop it.
    ///
    /// ## What it detects
    /// An `exemptions.toml` entry for a version the lockfile no longer locks (and no delta
    /// chain starts from), or for a version audits and imports now cover on their own.
    ///
    /// ## Why it matters
    /// Exemptions are the ledger's debt. Stale ones hide how much of the tree is reviewed and
    /// would silently cover the version again if it came back.
    ///
    /// ## Example
    /// `[[exemptions.lodash]] version = "4.17.20"` after an upgrade to 4.17.21.
    ///
    /// ## Known false positives
    /// None; informational, never fails a run at the default threshold.
    pub static UNUSED_EXEMPTION = { id: "vet/unused-exemption", severity: Severity::Info };
}
