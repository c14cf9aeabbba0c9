//! `diff/integrity-changed`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// The `integrity` or `resolved` of a package changed while its version did not.
    ///
    /// ## What it detects
    /// A `name@version` locked in both lockfiles whose integrity hashes share nothing, or
    /// whose `resolved` URL differs. The evidence quotes the old and new values.
    ///
    /// ## Why it matters
    /// A published version is immutable on the npm registry: the same `name@version` always
    /// has the same tarball. A different hash or URL for an unchanged version means the
    /// lockfile now points at other bytes — the classic lockfile-injection tell (Liran Tal,
    /// "Why npm lockfiles can be a security blindspot for injecting malicious modules", 2019).
    ///
    /// ## Example
    /// Base `"integrity": "sha512-AAA…"`, head `"integrity": "sha512-BBB…"` for the same
    /// `node_modules/ms` 2.1.3 entry.
    ///
    /// ## Known false positives
    /// Switching registries (a mirror with other URLs) changes `resolved` for every package at
    /// once; a change from sha1 to sha512 of the same tarball shares no algorithm and is not
    /// flagged (only hashes of a common algorithm are compared).
    pub static INTEGRITY_CHANGED = { id: "diff/integrity-changed", severity: Severity::High };
}
