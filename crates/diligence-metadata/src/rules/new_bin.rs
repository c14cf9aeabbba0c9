//! `metadata/new-bin`: `bin` entries added since the previous version.

use crate::context::{Outcome, VersionContext, bin_names};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version installs command names (`bin`) the previous version did not.
    ///
    /// ## What it detects
    /// Names in this version's `bin` (a string counts as one command named after the package)
    /// that the previous version's `bin` did not have.
    ///
    /// ## Why it matters
    /// A `bin` entry puts an executable on the project's `PATH` (`node_modules/.bin`). A
    /// package that suddenly ships a command named `npm`, `node`, `git` or the name of another
    /// tool can shadow it in every `npm run` script.
    ///
    /// ## Example
    /// 2.0.0 with no `bin`; 2.0.1 with `"bin": {"npm": "x.js"}`.
    ///
    /// ## Known false positives
    /// Packages that add a CLI. Low severity; a review prompt.
    pub static NEW_BIN = { id: "metadata/new-bin", severity: Severity::Low };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    let before = bin_names(previous.manifest, cx.name());
    let added: Vec<String> = bin_names(cx.manifest, cx.name())
        .into_iter()
        .filter(|b| !before.contains(b))
        .collect();
    if added.is_empty() {
        return Outcome::Clean;
    }
    let message = format!(
        "{}@{} adds commands that {} did not install: {}",
        cx.name(),
        cx.version,
        previous.version,
        added.join(", ")
    );
    Outcome::found(
        cx.finding(&NEW_BIN, message)
            .evidence(json!({"previous": previous.version, "added": added})),
    )
}
