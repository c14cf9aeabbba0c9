//! `vet/integrity-mismatch`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// An audit or exemption of a version recorded another tarball than the lockfile locks.
    ///
    /// ## What it detects
    /// A ledger entry about the locked version itself (a full audit, a delta audit ending at
    /// it, an imported audit or an exemption) carries an `integrity`, and the lockfile's
    /// `integrity` for that version differs on a hash algorithm both have. The entry covers
    /// nothing: the code under review and the code installed are not the same bytes.
    ///
    /// ## Why it matters
    /// A version number is not content. A registry mirror or a private registry can serve a
    /// republished tarball under an audited version, and a pull request can edit a
    /// lockfile's `integrity` and `resolved` together. cargo-vet keys audits by version alone
    /// and trusts the registry index for the rest; npm lockfiles and mirrors do not give that
    /// guarantee, so diligence records what was read.
    ///
    /// ## Example
    /// `[[audits.ms]] version = "2.1.3" integrity = "sha512-AAA…"`, lockfile
    /// `"node_modules/ms": {"version": "2.1.3", "integrity": "sha512-BBB…"}`.
    ///
    /// ## Known false positives
    /// An entry written by hand with a wrong integrity. Entries without `integrity` are never
    /// compared; sha1-only lockfiles are compared on sha1 (certify records both).
    pub static INTEGRITY_MISMATCH = { id: "vet/integrity-mismatch", severity: Severity::High };
}
