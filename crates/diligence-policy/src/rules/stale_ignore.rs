//! `policy/stale-ignore`.

use super::with_pin;
use crate::{Date, Ignore};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// An `[[ignore]]` entry in diligence.toml matched no finding.
    ///
    /// ## What it detects
    /// An unexpired ignore whose pinned package (`name@version` or `integrity`) and `rule`
    /// matched none of the run's findings: the package was upgraded or removed, or the rule
    /// no longer fires.
    ///
    /// ## Why it matters
    /// Ignores are pinned to one version so that an upgrade is reviewed again; a leftover
    /// entry is noise that hides which risks are really accepted, and a later downgrade to
    /// the pinned version would be silenced without review.
    ///
    /// ## Example
    /// ```toml
    /// [[ignore]]
    /// package = "left-pad@1.3.0"    # the lockfile now has left-pad@1.4.0
    /// rule = "code/install-script"
    /// reason = "reviewed"
    /// ```
    ///
    /// ## Known false positives
    /// A check that did not run (`--no-registry`, `--offline`, a missing advisory database)
    /// produces no findings, so its ignores look stale in that run.
    pub static STALE_IGNORE = { id: "policy/stale-ignore", severity: Severity::Info };
}

/// The finding for an unexpired ignore that matched nothing this run, at its line in `file`.
pub fn check(ig: &Ignore, matched: bool, file: &str, today: Date) -> Option<Finding> {
    if matched || ig.is_expired(today) {
        return None;
    }
    let f = Finding::new(
        &STALE_IGNORE,
        format!(
            "ignore of {} on {} matched no finding; remove it or update the pin",
            ig.rule,
            ig.pin()
        ),
    )
    .at(file, ig.line)
    .evidence(json!({"rule": ig.rule, "pin": ig.pin(), "reason": ig.reason}));
    Some(with_pin(f, ig))
}
