//! `vet/unaudited`.

use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// A locked registry package is not covered by the audit ledger for the criteria it needs.
    ///
    /// ## What it detects
    /// A `name@version` in the lockfile that no full audit, chain of delta audits from an
    /// audited version, pinned import or exemption in `supply-chain/` covers for the criteria
    /// its place in the tree requires (`safe-to-deploy` for what production dependencies
    /// reach, `safe-to-run` for what only dev dependencies reach, unless `config.toml` says
    /// otherwise). The message names the cheapest way to cover it: a delta review from the
    /// nearest covered version (`diligence vet certify NAME FROM TO`) or a full review
    /// (`diligence vet certify NAME VERSION`); `vet suggest` measures them in lines.
    ///
    /// ## Why it matters
    /// A team that adopted the ledger decided that no code reaches its machines or its users
    /// before a person read it. A pull request that adds or bumps a dependency — or a
    /// compromised patch release pulled in by a lockfile refresh, like the 2025 chalk/debug
    /// and Shai-Hulud waves — shows up here as the one version nobody looked at.
    ///
    /// ## Example
    /// `audits.toml` has `[[audits.lodash]] version = "4.17.20"`; the lockfile now locks
    /// `lodash@4.17.21` → `lodash@4.17.21 is not audited for safe-to-deploy: review the delta
    /// from 4.17.20`.
    ///
    /// ## Known false positives
    /// None as a fact: the package really has no review. Exempt what the team does not plan
    /// to review (`vet regenerate-exemptions` on adoption), or set `[policy.packages.NAME]
    /// criteria = []` for first-party packages published from the same repository.
    pub static UNAUDITED = { id: "vet/unaudited", severity: Severity::High };
}
