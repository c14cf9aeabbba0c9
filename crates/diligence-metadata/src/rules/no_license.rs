//! `metadata/no-license`: the version declares no license.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};

declare_rule! {
    /// The version declares no license.
    ///
    /// ## What it detects
    /// A version manifest with no `license` (string or `{type}`) and no legacy `licenses`
    /// array, or an empty one.
    ///
    /// ## Why it matters
    /// Throwaway malicious packages rarely bother with a license; legitimate packages almost
    /// always have one. Without a license the code may also not be usable at all.
    ///
    /// ## Example
    /// A manifest with `name`, `version`, `main` and nothing else.
    ///
    /// ## Known false positives
    /// Private or internal packages and very old packages. Info severity. `UNLICENSED` is a
    /// declared (proprietary) license and is not reported.
    pub static NO_LICENSE = { id: "metadata/no-license", severity: Severity::Info };
}

fn declared(value: Option<&serde_json::Value>) -> bool {
    match value {
        Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
        Some(serde_json::Value::Object(o)) => o
            .get("type")
            .and_then(|t| t.as_str())
            .is_some_and(|t| !t.trim().is_empty()),
        Some(serde_json::Value::Array(items)) => items.iter().any(|i| declared(Some(i))),
        _ => false,
    }
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    if cx.abbreviated() {
        return Outcome::gap("abbreviated packument has no license field".into());
    }
    if declared(cx.manifest.license.as_ref()) || declared(cx.manifest.licenses.as_ref()) {
        return Outcome::Clean;
    }
    let message = format!("{}@{} declares no license", cx.name(), cx.version);
    Outcome::found(cx.finding(&NO_LICENSE, message))
}
