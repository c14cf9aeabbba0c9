//! The advisory rules, one file each.

pub mod malware;
pub mod vulnerability;

use crate::check::Hit;
use diligence_finding::{Finding, Rule};

/// A check of one matched advisory group: the finding of its rule, or `None` when the hit is
/// not of that rule's kind.
pub(crate) type HitCheck = fn(&Hit<'_>) -> Option<Finding>;

/// Every advisory rule with its check: what [`crate::check()`] runs on each hit, so a rule
/// listed here always runs ([`crate::checked_rules`]).
pub(crate) static CHECKS: [(&Rule, HitCheck); 2] = [
    (&malware::MALWARE, |hit| {
        hit.malware.then(|| malware::finding(hit))
    }),
    (&vulnerability::VULNERABILITY, |hit| {
        (!hit.malware).then(|| vulnerability::finding(hit))
    }),
];
