//! `policy/expired-ignore`.

use diligence_finding::{Severity, declare_rule};

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
