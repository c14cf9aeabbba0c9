//! `diff/new-lifecycle-script`.

use crate::changes::PackageChange;
use crate::delta::FileDelta;
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The new version of a package adds or changes a lifecycle script.
    ///
    /// ## What it detects
    /// A `preinstall`, `install`, `postinstall`, `prepare`, `preprepare` or `postprepare`
    /// script in the new version's `package.json` that the old version did not have, or whose
    /// command changed. Found by comparing both tarballs.
    ///
    /// ## Why it matters
    /// Install scripts run with the developer's rights on `npm install`; nearly every npm
    /// malware campaign (ua-parser-js, the Shai-Hulud worm, eslint-config-prettier 2025) used
    /// one added in a patch release.
    ///
    /// ## Example
    /// Old `package.json` without `scripts`; new one with
    /// `"postinstall": "node setup.js"`.
    ///
    /// ## Known false positives
    /// Packages that start building a native addon (`node-gyp rebuild`) in a new version.
    pub static NEW_LIFECYCLE_SCRIPT = { id: "diff/new-lifecycle-script", severity: Severity::Medium };
}

/// One finding per lifecycle script the new version adds or changes (from the file delta the
/// code layer computed between the two tarballs).
pub fn check(c: &PackageChange, delta: &FileDelta) -> Vec<Finding> {
    let p = &c.package;
    delta
        .new_lifecycle_scripts
        .iter()
        .map(|(name, command)| {
            Finding::new(
                &NEW_LIFECYCLE_SCRIPT,
                format!(
                    "{} adds the lifecycle script {name}: {command}",
                    p.id_string()
                ),
            )
            .package(&p.name, &p.version)
            .at("package.json", 0)
            .evidence(json!({"script": name, "command": command}))
        })
        .collect()
}
