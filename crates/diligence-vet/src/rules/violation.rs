//! `vet/violation`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// A locked version is in the range of a violation entry: someone found it fails the
    /// criteria it needs.
    ///
    /// ## What it detects
    /// A `[[audits.NAME]] violation = "RANGE"` entry (own or imported and mapped) whose npm
    /// range holds the locked version, for a criterion the package needs (or one it implies).
    /// A violation wins over every audit and exemption.
    ///
    /// ## Why it matters
    /// When a release is found compromised, the team that found it records the range once
    /// and every project that imports its audits fails on it at once — before advisories are
    /// published.
    ///
    /// ## Example
    /// `[[audits.chalk]] criteria = "safe-to-run" violation = "=5.6.1"` and a lockfile with
    /// `chalk@5.6.1`.
    ///
    /// ## Known false positives
    /// A range written too wide. Ranges follow npm semantics and include prereleases.
    pub static VIOLATION = { id: "vet/violation", severity: Severity::Critical };
}
