//! `metadata/dormant-release`: a patch or minor release after a long silence.

use crate::context::{Outcome, Prior, VersionContext, install_scripts};
use crate::time::days_between;
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A patch or minor release published more than `dormancy_days` (default 365) after the
    /// previous version: low on its own, medium with another takeover signal.
    ///
    /// ## What it detects
    /// A version with the same major as the previous version (the highest lower version
    /// published before it) whose publish time is more than `dormancy_days` later. It is low,
    /// and medium when the same release also has a new publisher, a new install script or a
    /// new dependency (the evidence lists which).
    ///
    /// ## Why it matters
    /// Abandoned packages are the easiest to take over (expired maintainer e-mail domains,
    /// reused passwords), and an attacker ships a quiet patch so that `^` ranges pick it up:
    /// `ua-parser-js`-style compromises of long-stable packages, `ctx` and `phpass` (2022) after
    /// years without releases. The takeover shows in what the release changes.
    ///
    /// ## Example
    /// 1.4.2 published 2019-03-01, 1.4.3 published 2024-06-10 with a new `postinstall`.
    ///
    /// ## Known false positives
    /// Maintainers who return to fix a bug (a third of the real cases are `@types/*` packages
    /// updated with the library they describe): low. A new major after a long pause is not
    /// reported: `^` ranges do not pick it up. Not evaluated without publish times.
    pub static DORMANT_RELEASE = { id: "metadata/dormant-release", severity: Severity::Low };
}

/// The other takeover signals of this release against the previous version: a publisher who
/// did not publish it, an install hook it lacked, dependencies it did not have.
fn other_signals(cx: &VersionContext, previous: &Prior) -> Vec<String> {
    let mut out = Vec::new();
    let user = |m: &diligence_packument::VersionManifest| m.npm_user.as_ref()?.name.clone();
    if let (Some(now), Some(before)) = (user(cx.manifest), user(previous.manifest))
        && now != before
    {
        out.push(format!("new publisher `{now}`"));
    }
    let hooks =
        |m| -> Vec<&'static str> { install_scripts(m).into_iter().map(|(k, _)| k).collect() };
    let before = hooks(previous.manifest);
    let added: Vec<&str> = hooks(cx.manifest)
        .into_iter()
        .filter(|h| !before.contains(h))
        .collect();
    if !added.is_empty()
        || (cx.manifest.has_install_script == Some(true)
            && previous.manifest.has_install_script != Some(true))
    {
        out.push("new install script".to_string());
    }
    let deps: Vec<&String> = cx
        .manifest
        .dependencies
        .keys()
        .filter(|d| !previous.manifest.dependencies.contains_key(*d))
        .collect();
    if !deps.is_empty() {
        let names: Vec<&str> = deps.iter().map(|d| d.as_str()).collect();
        out.push(format!("new dependencies {}", names.join(", ")));
    }
    out
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
    let signals = other_signals(cx, previous);
    let (severity, with) = match signals.is_empty() {
        true => (Severity::Low, String::new()),
        false => (Severity::Medium, format!(", with {}", signals.join("; "))),
    };
    let message = format!(
        "{}@{} was published {:.0} days after {} (dormant more than {} days), as a {} release{with}",
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
    Outcome::found(
        cx.finding(&DORMANT_RELEASE, message)
            .severity(severity)
            .evidence(json!({
                "previous": previous.version,
                "gap_days": gap,
                "threshold_days": cx.policy.dormancy_days,
                "other_signals": signals,
            })),
    )
}
