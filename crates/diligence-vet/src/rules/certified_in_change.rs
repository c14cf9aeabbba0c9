//! `vet/certified-in-change`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// An added or upgraded package is covered only by audit-ledger entries that the same
    /// change adds.
    ///
    /// ## What it detects
    /// In `diff` (and `install`), the ledger that governs the review is the base revision's
    /// `supply-chain/` — as `diligence.toml` and `.npmrc` are. A package the change adds or
    /// upgrades that the base ledger does not cover, but that an audit or exemption written
    /// in the change itself covers, is reported here with the entries that cover it, the size
    /// of the review they claim and the file and line to approve. Once merged, the entries are
    /// part of the ledger and `vet` counts them.
    ///
    /// ## Why it matters
    /// cargo-vet's workflow records an audit in the same pull request as the dependency it
    /// covers, and that is the normal way to add a reviewed dependency. It is also the one
    /// way a pull request could certify its own code: an attacker who can open a pull request
    /// can write `[[audits.NAME]]` as easily as the lockfile change. The finding puts the
    /// claim in front of the reviewer instead of letting it silently pass the gate; teams that
    /// require a second person for every audit fail the gate on it with `--fail-on medium` or
    /// `[overrides]`.
    ///
    /// ## Example
    /// A pull request bumps `left-pad` from 1.0.0 to 1.1.0 and adds `[[audits.left-pad]]
    /// delta = "1.0.0 -> 1.1.0"` → `left-pad@1.1.0 is covered only by entries this change
    /// adds (audit at supply-chain/audits.toml:4 by Alice <alice@example.com>, delta 1.0.0 ->
    /// 1.1.0 for safe-to-deploy): approve them with the code they cover (5 lines)`.
    ///
    /// ## Known false positives
    /// Every legitimate audit recorded in the pull request that adds the dependency: the
    /// finding is a request to look at the audit, not a claim that it is wrong.
    pub static CERTIFIED_IN_CHANGE = { id: "vet/certified-in-change", severity: Severity::Medium };
}
