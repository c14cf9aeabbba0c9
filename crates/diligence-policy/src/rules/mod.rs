//! The policy's own rules: findings about the policy file, not about packages' code. One file
//! per rule with its check; [`ALL_CHECKS`] is what [`crate::Policy::apply_all`] runs for each
//! `[[ignore]]` entry, and [`ALL`] lists the same rules.

use crate::{Date, Ignore, IgnoreTarget};
use diligence_finding::{Finding, Rule};

pub mod expired_ignore;
pub mod stale_ignore;

/// A check of one `[[ignore]]` entry: the entry, whether it matched a finding this run, the
/// policy file as findings name it, and today.
pub type IgnoreCheck = fn(&Ignore, bool, &str, Date) -> Option<Finding>;

/// Every rule with its check, in report order.
pub static ALL_CHECKS: [(&Rule, IgnoreCheck); 2] = [
    (&expired_ignore::EXPIRED_IGNORE, expired_ignore::check),
    (&stale_ignore::STALE_IGNORE, stale_ignore::check),
];

/// Every rule of this crate, from [`ALL_CHECKS`].
pub fn all() -> Vec<&'static Rule> {
    ALL_CHECKS.iter().map(|(rule, _)| *rule).collect()
}

/// The finding about the ignore's pinned package, when it pins one exactly.
pub(crate) fn with_pin(f: Finding, ig: &Ignore) -> Finding {
    match &ig.target {
        IgnoreTarget::Package { name, version } => f.package(name, version),
        IgnoreTarget::Range { .. } | IgnoreTarget::Integrity(_) | IgnoreTarget::Any => f,
    }
}
