//! `metadata/dormant-release`: a patch or minor release after a long silence.

use crate::context::{Outcome, VersionContext};
use crate::time::days_between;
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A patch or minor release published more than `dormancy_days` (default 365) after the
    /// previous version.
    ///
    /// ## What it detects
    /// A version with the same major as the previous version (the highest lower version
    /// published before it) whose publish time is more than `dormancy_days` later.
    ///
    /// ## Why it matters
    /// Abandoned packages are the easiest to take over (expired maintainer e-mail domains,
    /// reused passwords), and an attacker ships a quiet patch so that `^` ranges pick it up:
    /// `ua-parser-js`-style compromises of long-stable packages, `ctx` and `phpass` (2022) after
    /// years without releases.
    ///
    /// ## Example
    /// 1.4.2 published 2019-03-01, 1.4.3 published 2024-06-10.
    ///
    /// ## Known false positives
    /// Maintainers who return to fix a bug. A new major after a long pause is not reported:
    /// `^` ranges do not pick it up. Not evaluated without publish times.
    pub static DORMANT_RELEASE = { id: "metadata/dormant-release", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    if previous.semver.major() != cx.semver.major() {
        return Outcome::Clean;
    }
    if !cx.times_consistent {
        return Outcome::gap(
            "publish times contradict version order (rewritten by a mirror?)".into(),
        );
    }
    let (Some(now), Some(before)) = (cx.published, previous.published) else {
        return Outcome::gap(format!(
            "packument has no publish time for {} or {}",
            cx.version, previous.version
        ));
    };
    let gap = days_between(before, now);
    if gap <= cx.policy.dormancy_days {
        return Outcome::Clean;
    }
    let message = format!(
        "{}@{} was published {:.0} days after {} (dormant more than {} days), as a {} release",
        cx.name(),
        cx.version,
        gap,
        previous.version,
        cx.policy.dormancy_days,
        if previous.semver.minor() == cx.semver.minor() {
            "patch"
        } else {
            "minor"
        }
    );
    Outcome::found(cx.finding(&DORMANT_RELEASE, message).evidence(json!({
        "previous": previous.version,
        "gap_days": gap,
        "threshold_days": cx.policy.dormancy_days,
    })))
}
