//! `metadata/new-package`: the package itself was created recently.

use crate::context::{Outcome, VersionContext};
use crate::time::{days_between, parse_rfc3339};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The package was created less than `new_package_days` (default 22 days) ago.
    ///
    /// ## What it detects
    /// A package whose packument `time.created` is recent. When the registry strips
    /// `time.created` (some mirrors do), the earliest version publish time is used instead: the
    /// package cannot be younger than its oldest surviving version, so an old earliest version
    /// proves the package old; a recent one is reported with `basis: earliest-version`.
    ///
    /// ## Why it matters
    /// Most malicious packages are brand new: typosquats and dependency-confusion payloads are
    /// published days before they are installed, and are removed within weeks. A dependency on
    /// a package that did not exist three weeks ago deserves a look.
    ///
    /// ## Example
    /// A packument with `"time": {"created": "<5 days ago>", "1.0.0": "<5 days ago>"}`.
    ///
    /// ## Known false positives
    /// New legitimate packages (a new major split into a new name, a new project). Not
    /// evaluated when the packument has neither `time.created` nor any version time.
    pub static NEW_PACKAGE = { id: "metadata/new-package", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let created = cx
        .packument
        .time
        .get("created")
        .and_then(|t| parse_rfc3339(t));
    let (created, basis) = match created {
        Some(c) => (c, "time.created"),
        None if !cx.times_consistent => {
            return Outcome::gap(
                "packument has no time.created and its version times contradict version order"
                    .into(),
            );
        }
        None => {
            let earliest = cx
                .packument
                .versions
                .keys()
                .filter_map(|v| cx.packument.published(v).and_then(parse_rfc3339))
                .min();
            match earliest {
                Some(e) => (e, "earliest-version"),
                None => {
                    return Outcome::gap(
                        "packument has no time.created and no version publish times".into(),
                    );
                }
            }
        }
    };
    let age = days_between(created, cx.now);
    if age >= cx.policy.new_package_days {
        return Outcome::Clean;
    }
    let message = format!(
        "{} was created {:.1} days ago (less than {} days)",
        cx.name(),
        age.max(0.0),
        cx.policy.new_package_days
    );
    Outcome::found(cx.finding(&NEW_PACKAGE, message).evidence(json!({
        "created_age_days": age,
        "basis": basis,
        "threshold_days": cx.policy.new_package_days,
    })))
}
