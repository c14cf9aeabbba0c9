//! `policy/expired-ignore`.

use super::with_pin;
use crate::{Date, Ignore};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// An `[[ignore]]` entry in diligence.toml is past its `expires` date.
    ///
    /// ## What it detects
    /// An ignore whose `expires` date is before today. The ignore no longer suppresses
    /// anything: the findings it covered are reported again, and this finding points at the
    /// entry's line in `diligence.toml`.
    ///
    /// ## Why it matters
    /// Accepted risks go stale: the package that was reviewed gets new maintainers, the
    /// advisory gets a fix. An expiry date forces the decision to be made again instead of
    /// silencing a rule forever (the "ignore list rot" users of GuardDog, Socket and
    /// cargo-deny report).
    ///
    /// ## Example
    /// ```toml
    /// [[ignore]]
    /// package = "left-pad@1.3.0"
    /// rule = "code/install-script"
    /// reason = "reviewed"
    /// expires = 2020-01-31
    /// ```
    ///
    /// ## Known false positives
    /// None: the date is in the file. Renew the entry after a new review or delete it.
    pub static EXPIRED_IGNORE = { id: "policy/expired-ignore", severity: Severity::Medium };
}

/// The finding for an ignore past its `expires` date, at its line in `file`.
pub fn check(ig: &Ignore, _matched: bool, file: &str, today: Date) -> Option<Finding> {
    if !ig.is_expired(today) {
        return None;
    }
    let expires = ig.expires.map(|d| d.to_string()).unwrap_or_default();
    let f = Finding::new(
        &EXPIRED_IGNORE,
        format!(
            "ignore of {} on {} expired on {expires} (reason was: {}); its findings are reported again",
            ig.rule,
            ig.pin(),
            ig.reason
        ),
    )
    .at(file, ig.line)
    .evidence(json!({"rule": ig.rule, "pin": ig.pin(), "expires": expires, "today": today.to_string(), "reason": ig.reason}));
    Some(with_pin(f, ig))
}
