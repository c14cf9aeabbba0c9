//! `metadata/install-script`: the version declares install lifecycle scripts.

use crate::context::{Outcome, VersionContext, install_scripts};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The version runs code at install time (`preinstall`, `install` or `postinstall`).
    ///
    /// ## What it detects
    /// A version manifest whose `scripts` has a non-empty `preinstall`, `install` or
    /// `postinstall`, or (abbreviated packuments, which carry no `scripts`) whose
    /// `hasInstallScript` is `true`.
    ///
    /// ## Why it matters
    /// Install scripts run with the user's rights the moment the package is installed, before
    /// any code imports it. They are how nearly all npm malware executes: `crossenv`,
    /// `ua-parser-js`, the `node-ipc` protestware, the Shai-Hulud worm.
    ///
    /// ## Example
    /// `"scripts": {"postinstall": "node setup.js"}`.
    ///
    /// ## Known false positives
    /// Native addons (`node-gyp rebuild`) and binary downloaders (`esbuild`, `sharp`) need
    /// them; allowlist those in the package manager (`allowBuilds`, `trustedDependencies`) and
    /// review new ones. Severity is low for that reason; `metadata/new-install-script` is the
    /// strong signal.
    pub static INSTALL_SCRIPT = { id: "metadata/install-script", severity: Severity::Low };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let scripts = install_scripts(cx.manifest);
    if scripts.is_empty() {
        if cx.manifest.has_install_script != Some(true) {
            return Outcome::Clean;
        }
        let message = format!(
            "{}@{} has an install script (hasInstallScript: true)",
            cx.name(),
            cx.version
        );
        return Outcome::found(
            cx.finding(&INSTALL_SCRIPT, message)
                .evidence(json!({"hasInstallScript": true})),
        );
    }
    let list: Vec<String> = scripts.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    let message = format!(
        "{}@{} runs lifecycle scripts on install: {}",
        cx.name(),
        cx.version,
        list.join("; ")
    );
    let evidence: serde_json::Map<String, serde_json::Value> = scripts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into()))
        .collect();
    Outcome::found(
        cx.finding(&INSTALL_SCRIPT, message)
            .evidence(json!({ "scripts": evidence })),
    )
}
