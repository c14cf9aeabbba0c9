//! `metadata/recent-version`: the version is younger than the cooldown.

use crate::context::{Outcome, VersionContext};
use crate::time::days_between;
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version was published less than the cooldown (default 2 days) ago.
    ///
    /// ## What it detects
    /// A locked or requested version whose publish time (`time[version]` in the packument) is
    /// less than `cooldown_days` before now.
    ///
    /// ## Why it matters
    /// Hijacked releases are usually found and unpublished within hours to days: `ua-parser-js`
    /// (2021), `eslint-scope` (2018), the `chalk`/`debug` compromise (September 2025) and the
    /// Shai-Hulud worm versions were all live for less than a day. Waiting out a short cooldown
    /// avoids most of them; npm, pnpm, yarn and bun added cooldown settings for this reason.
    ///
    /// ## Example
    /// `left-pad@1.3.1` with `"time": {"1.3.1": "<an hour ago>"}`.
    ///
    /// ## Known false positives
    /// Every genuine release is new for a while; the finding is a prompt to wait, not a verdict.
    /// Not evaluated when the packument has no publish time for the version.
    pub static RECENT_VERSION = { id: "metadata/recent-version", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(published) = cx.published else {
        return Outcome::gap(format!("packument has no publish time for {}", cx.version));
    };
    let age = days_between(published, cx.now);
    if age >= cx.policy.cooldown_days {
        return Outcome::Clean;
    }
    let message = format!(
        "{}@{} was published {:.1} hours ago, inside the {}-day cooldown",
        cx.name(),
        cx.version,
        (age * 24.0).max(0.0),
        cx.policy.cooldown_days
    );
    Outcome::found(cx.finding(&RECENT_VERSION, message).evidence(json!({
        "published": cx.packument.published(cx.version),
        "age_days": age,
        "cooldown_days": cx.policy.cooldown_days,
    })))
}
