//! `diff/new-lifecycle-script`.

use diligence_finding::{Severity, declare_rule};

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
