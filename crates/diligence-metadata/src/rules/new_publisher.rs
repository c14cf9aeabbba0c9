//! `metadata/new-publisher`: the version was published by an account that never published
//! this package before.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;
use std::collections::BTreeSet;

declare_rule! {
    /// The version's publisher (`_npmUser`) never published an earlier version of the package.
    ///
    /// ## What it detects
    /// A version whose `_npmUser.name` differs from the `_npmUser.name` of every version
    /// published before it. The first version of a package is not reported (see
    /// `metadata/new-package`).
    ///
    /// ## Why it matters
    /// A hijacked or newly added account is how maintainer compromises ship: `event-stream`
    /// 3.3.6 (2018) was published by a newcomer handed the package, `ua-parser-js` 0.7.29 by
    /// a stolen account's new token. A new publisher on an old package is worth a review.
    ///
    /// ## Example
    /// Versions 1.0.0 and 1.1.0 published by `alice`, 1.1.1 by `mallory`.
    ///
    /// ## Known false positives
    /// Maintainer handovers and CI bot accounts (`GitHub Actions` publishing with provenance).
    /// Not evaluated when the version or every earlier version lacks `_npmUser` (the mirror
    /// reachable here strips it).
    pub static NEW_PUBLISHER = { id: "metadata/new-publisher", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(publisher) = cx.manifest.npm_user.as_ref().and_then(|u| u.name.clone()) else {
        return Outcome::gap(format!("packument has no _npmUser for {}", cx.version));
    };
    if cx.earlier.is_empty() {
        return Outcome::Clean;
    }
    let earlier: BTreeSet<String> = cx
        .earlier
        .iter()
        .filter_map(|p| p.manifest.npm_user.as_ref()?.name.clone())
        .collect();
    if earlier.is_empty() {
        return Outcome::gap("packument has no _npmUser for earlier versions".into());
    }
    if earlier.contains(&publisher) {
        return Outcome::Clean;
    }
    let message = format!(
        "{}@{} was published by `{publisher}`, who published no earlier version (earlier: {})",
        cx.name(),
        cx.version,
        earlier.iter().cloned().collect::<Vec<_>>().join(", ")
    );
    Outcome::found(
        cx.finding(&NEW_PUBLISHER, message)
            .evidence(json!({"publisher": publisher, "earlier_publishers": earlier})),
    )
}
