//! `metadata/maintainers-changed`: the maintainers list differs from the previous version's.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};
use diligence_packument::Person;
use serde_json::json;
use std::collections::BTreeSet;

declare_rule! {
    /// The version's maintainers list differs from the previous version's.
    ///
    /// ## What it detects
    /// Names added to or removed from the per-version `maintainers` list between the previous
    /// version (the highest lower version published before it) and this one.
    ///
    /// ## Why it matters
    /// Account takeovers and social-engineered handovers add a maintainer shortly before the
    /// malicious release (`event-stream` 2018); removing the original maintainers locks them
    /// out of fixing it.
    ///
    /// ## Example
    /// 1.0.0 maintained by `alice`; 1.0.1 maintained by `alice` and `mallory`.
    ///
    /// ## Known false positives
    /// Ordinary team changes. Not evaluated when either version lacks `maintainers` (the
    /// mirror reachable here strips it).
    pub static MAINTAINERS_CHANGED = { id: "metadata/maintainers-changed", severity: Severity::Low };
}

fn names(people: &[Person]) -> BTreeSet<String> {
    people.iter().filter_map(|p| p.name.clone()).collect()
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    if cx.manifest.maintainers.is_none() {
        return Outcome::gap(format!("packument has no maintainers for {}", cx.version));
    }
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    let (Some(now), Some(before)) = (&cx.manifest.maintainers, &previous.manifest.maintainers)
    else {
        return Outcome::gap(format!(
            "packument has no maintainers for {} or {}",
            cx.version, previous.version
        ));
    };
    let (now, before) = (names(now), names(before));
    if now == before {
        return Outcome::Clean;
    }
    let added: Vec<&String> = now.difference(&before).collect();
    let removed: Vec<&String> = before.difference(&now).collect();
    let message = format!(
        "maintainers of {} changed from {} to {}: added [{}], removed [{}]",
        cx.name(),
        previous.version,
        cx.version,
        added
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        removed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Outcome::found(cx.finding(&MAINTAINERS_CHANGED, message).evidence(json!({
        "previous": previous.version,
        "added": added,
        "removed": removed,
    })))
}
