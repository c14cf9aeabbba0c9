//! `metadata/version-jump`: an implausibly high major version.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version jumps to an implausibly high major (`99.x`, `9999.x`).
    ///
    /// ## What it detects
    /// A version whose major is at least `version_jump_major` (default 99), unless an earlier
    /// version was already that high (a version scheme: `esprima-fb` 13001.x → 15001.x), or it
    /// is a calendar version (a first version or steady series with a year major,
    /// 2000–2100). Only the first version to jump is reported.
    ///
    /// ## Why it matters
    /// Dependency-confusion payloads are published with huge versions so that they win over
    /// the internal package of the same name in any range resolution: Alex Birsan's 2021 proof
    /// of concept used `9000.0.0`, and copycats publish `99.99.99` and `9999.0.0`.
    ///
    /// ## Example
    /// A package whose only versions are `1.0.0` and `99.10.9`.
    ///
    /// ## Known false positives
    /// Calendar versioning and packages with very many majors, handled as above.
    pub static VERSION_JUMP = { id: "metadata/version-jump", severity: Severity::High };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let major = cx.semver.major();
    let threshold = cx.policy.version_jump_major;
    if major < threshold {
        return Outcome::Clean;
    }
    let previous_major = cx.previous.as_ref().map(|p| p.semver.major());
    // Only the first jump is one: once earlier versions are up there too, the high majors are
    // the package's version scheme (`esprima-fb` 13001.x, 14001.x, 15001.x).
    let gradual = cx.earlier.iter().any(|p| p.semver.major() >= threshold)
        || previous_major.is_some_and(|p| p >= threshold && major - p <= 10);
    let calendar =
        (2000..=2100).contains(&major) && previous_major.is_none_or(|p| (2000..=2100).contains(&p));
    if gradual || calendar {
        return Outcome::Clean;
    }
    let from = match &cx.previous {
        Some(p) => format!("from {}", p.version),
        None => "as its first version".to_string(),
    };
    let message = format!(
        "{}@{} jumps to major {major} {from}: a dependency-confusion style version",
        cx.name(),
        cx.version
    );
    Outcome::found(cx.finding(&VERSION_JUMP, message).evidence(json!({
        "major": major,
        "previous": cx.previous.as_ref().map(|p| p.version),
    })))
}
