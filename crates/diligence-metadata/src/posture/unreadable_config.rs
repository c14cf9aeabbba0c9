//! `posture/unreadable-config`: a configuration file exists but cannot be read.

use super::ProjectConfig;
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package-manager configuration file exists but could not be read or parsed.
    ///
    /// ## What it detects
    /// `.npmrc`, `package.json`, `pnpm-workspace.yaml`, `.yarnrc.yml`, `.yarnrc` or
    /// `bunfig.toml` that is unreadable or not valid JSON/YAML/TOML; the finding names the
    /// file and line.
    ///
    /// ## Why it matters
    /// The posture report cannot vouch for settings it could not read, and the package
    /// manager may be ignoring them too. Fail closed: this is medium, not info.
    ///
    /// ## Example
    /// A `pnpm-workspace.yaml` with a tab-indented mapping.
    ///
    /// ## Known false positives
    /// Syntax the package manager accepts but a strict parser does not.
    pub static UNREADABLE_CONFIG = { id: "posture/unreadable-config", severity: Severity::Medium };
}

/// Runs the rule.
pub fn check(cfg: &ProjectConfig) -> Vec<Finding> {
    cfg.errors
        .iter()
        .map(|e| {
            let file = e.file.display().to_string();
            Finding::new(
                &UNREADABLE_CONFIG,
                format!("{file}:{}: {}", e.line, e.message),
            )
            .at(file, e.line)
            .evidence(json!({"error": e.message}))
        })
        .collect()
}
