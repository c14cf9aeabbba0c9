//! `metadata/deprecated`: the version is deprecated.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version is deprecated on the registry.
    ///
    /// ## What it detects
    /// A version manifest with a non-empty `deprecated` message.
    ///
    /// ## Why it matters
    /// Maintainers deprecate versions that are broken, vulnerable or abandoned; the registry
    /// also deprecates versions it took over after malware reports. Deprecated code gets no
    /// fixes.
    ///
    /// ## Example
    /// `"deprecated": "this version has a critical bug, use 2.0.1"`.
    ///
    /// ## Known false positives
    /// Deprecations that only announce a rename. When the packument looks stripped of account
    /// data (no `maintainers`, no `_npmUser` anywhere, as the mirror reachable here serves),
    /// an absent `deprecated` proves nothing and the check is not evaluated.
    pub static DEPRECATED = { id: "metadata/deprecated", severity: Severity::Low };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let message = match &cx.manifest.deprecated {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::Bool(true)) => "deprecated".to_string(),
        Some(_) => return Outcome::Clean,
        None if cx.account_data_stripped() => {
            return Outcome::gap(
                "packument looks stripped (no maintainers or _npmUser); `deprecated` may be missing"
                    .into(),
            );
        }
        None => return Outcome::Clean,
    };
    let text = format!("{}@{} is deprecated: {message}", cx.name(), cx.version);
    Outcome::found(
        cx.finding(&DEPRECATED, text)
            .evidence(json!({"deprecated": message})),
    )
}
