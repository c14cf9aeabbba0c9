//! `posture/package-manager`: which package manager, and is it pinned.

use super::{Detection, ProjectConfig, at};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// Reports the detected package manager and whether `packageManager` pins it.
    ///
    /// ## What it detects
    /// The package manager (from the `--pm` argument, package.json `packageManager`, or the
    /// lockfile present) and whether `packageManager` pins an exact version with a hash
    /// (`pnpm@10.2.0+sha512.…`), which Corepack verifies.
    ///
    /// ## Why it matters
    /// The posture settings differ per manager and per version (cooldowns arrived in npm
    /// 11.10, pnpm 10.16, yarn 4.10, bun 1.3); a pinned, hashed version makes everyone run the
    /// manager whose settings were reviewed.
    ///
    /// ## Example
    /// A project with `package-lock.json` and no `packageManager` field.
    ///
    /// ## Known false positives
    /// None: it is an info finding.
    pub static PACKAGE_MANAGER = { id: "posture/package-manager", severity: Severity::Info };
}

/// Runs the rule.
pub fn check(cfg: &ProjectConfig, d: &Detection) -> Vec<Finding> {
    let pm = d.manager.as_str();
    let declared = cfg.get("package.json:packageManager");
    let value = declared.map(|s| s.text());
    let hashed = value.as_deref().is_some_and(|v| v.contains('+'));
    let message = match &value {
        Some(v) if hashed => format!("package manager: {pm} (pinned with a hash: {v})"),
        Some(v) => format!(
            "package manager: {pm} (packageManager `{v}` has no hash; `corepack use {pm}@<version>` adds one)"
        ),
        None => format!(
            "package manager: {pm} (from {}); package.json has no packageManager field to pin it",
            d.basis
        ),
    };
    let file = cfg
        .present
        .iter()
        .find(|p| p.ends_with("package.json"))
        .cloned()
        .unwrap_or_else(|| "package.json".into());
    vec![
        at(Finding::new(&PACKAGE_MANAGER, message), declared, &file).evidence(json!({
            "package_manager": pm,
            "basis": d.basis,
            "version": d.version,
            "yarn_classic": d.yarn_classic,
            "pinned": value.is_some(),
            "hashed": hashed,
        })),
    ]
}
