//! `diff/config-changed`.

use crate::config::{ConfigChange, ConfigChangeKind};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The pull request adds, changes or removes a file that decides how it is reviewed.
    ///
    /// ## What it detects
    /// A head whose `diligence.toml`, `.npmrc`, `.yarnrc.yml`, `.yarnrc`, `.pnpmfile.cjs` or
    /// `bunfig.toml` (in the project folder) differs from the base revision's: added, changed
    /// or removed. The finding names the settings that changed (keys and `[sections]` only;
    /// values, which may hold credentials, are never shown; a `.pnpmfile.cjs` is code, named
    /// without lines). `diff` never applies the head's `diligence.toml` or `.npmrc`: the base
    /// revision's (or `--config`) govern the review, so this finding cannot be waived by the
    /// same change. With two lockfile folders (`--base-lockfile`/`--head-lockfile`) the
    /// folders' files are compared. In a working-tree diff, files git does not track are
    /// local configuration (a developer's own, one CI wrote) and are not reported.
    ///
    /// ## Why it matters
    /// A pull request that may edit the policy can switch off the review of itself: disable a
    /// rule, raise `fail-on`, add an `[[ignore]]` for the package it brings in. A changed
    /// `.npmrc` can point installs at another registry, allow that registry's hosts in
    /// `resolved` URLs, or name a host to receive `${CI_SECRET}` as an auth token; a changed
    /// `.yarnrc.yml` can do the same for Yarn (`npmRegistryServer`, `npmAuthToken`), turn
    /// off checksum checks (`checksumBehavior: ignore`) or run another Yarn binary from the
    /// repository (`yarnPath`); a `.pnpmfile.cjs` rewrites every manifest pnpm resolves.
    /// Such changes need a person's review, like a change to CI configuration.
    ///
    /// ## Example
    /// Head `diligence.toml` adds `[rules."code/env-exfiltration"]` with `disabled = true`;
    /// head `.npmrc` adds `//registry.example.net/:_authToken=${NPM_TOKEN}`.
    ///
    /// ## Known false positives
    /// Every legitimate policy or registry change is reported too, on purpose: review it and
    /// merge; from then on the base carries it and later pull requests are judged by it.
    pub static CONFIG_CHANGED = { id: "diff/config-changed", severity: Severity::High };
}

/// The finding for one changed trust-boundary file.
pub fn check(c: &ConfigChange) -> Option<Finding> {
    let what = match c.kind {
        ConfigChangeKind::Added => "adds",
        ConfigChangeKind::Changed => "changes",
        ConfigChangeKind::Removed => "removes",
    };
    let keys = match c.keys.as_slice() {
        [] => String::new(),
        keys => format!(" ({})", keys.join(", ")),
    };
    let finding = Finding::new(
        &CONFIG_CHANGED,
        format!(
            "the head {what} {}{keys}: a pull request must not configure its own review; the base revision's policy applies",
            c.file
        ),
    )
    .at(&c.file, c.line)
    .evidence(json!({"file": c.file, "change": what, "keys": c.keys}));
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::compare_config;

    /// A head `.yarnrc.yml` that moves the registry, drops checksums and runs another Yarn is
    /// reported with the setting names only (the token reference is a value, never shown).
    #[test]
    fn a_head_yarnrc_yml_is_reported_by_setting_names() {
        let base = b"nodeLinker: node-modules\n";
        let head = b"nodeLinker: node-modules\nnpmRegistryServer: \"https://npm.evil.example\"\nchecksumBehavior: ignore\nyarnPath: .yarn/releases/yarn-evil.cjs\nnpmAuthToken: \"${NPM_TOKEN}\"\n";
        let change = compare_config(".yarnrc.yml", Some(base), Some(head)).unwrap();
        let f = check(&change).unwrap();
        assert_eq!(
            f.message,
            "the head changes .yarnrc.yml (npmRegistryServer, checksumBehavior, yarnPath, npmAuthToken): a pull request must not configure its own review; the base revision's policy applies"
        );
        assert_eq!(f.location.as_ref().map(|l| l.line), Some(2));
        // Yarn classic's `.yarnrc` names settings by their first word.
        let change =
            compare_config(".yarnrc", None, Some(b"registry \"https://r.example\"\n")).unwrap();
        assert_eq!(change.keys, ["registry"]);
        // A `.pnpmfile.cjs` is code: reported, no lines listed.
        let change = compare_config(
            ".pnpmfile.cjs",
            Some(b"module.exports = {};\n"),
            Some(b"module.exports = { hooks: { readPackage } };\n"),
        )
        .unwrap();
        assert_eq!(
            check(&change).unwrap().message,
            "the head changes .pnpmfile.cjs: a pull request must not configure its own review; the base revision's policy applies"
        );
    }

    #[test]
    fn a_head_npmrc_naming_a_token_host_is_reported_without_the_value() {
        let base = b"registry=https://registry.npmjs.org/\n";
        let head =
            b"registry=https://registry.npmjs.org/\n//evil.example/:_authToken=${CI_SECRET}\n";
        let change = compare_config(".npmrc", Some(base), Some(head)).unwrap();
        let f = check(&change).unwrap();
        assert_eq!(f.rule, "diff/config-changed");
        assert_eq!(f.severity, Severity::High);
        assert_eq!(
            f.message,
            "the head changes .npmrc (//evil.example/:_authToken): a pull request must not configure its own review; the base revision's policy applies"
        );
        assert_eq!(
            f.location.as_ref().map(|l| (l.file.as_str(), l.line)),
            Some((".npmrc", 2))
        );
        assert!(!f.evidence.to_string().contains("CI_SECRET"));
    }

    #[test]
    fn an_added_and_a_removed_policy_are_reported() {
        let head = b"fail-on = \"critical\"\n[rules.\"code/env-exfiltration\"]\ndisabled = true\n";
        let added = compare_config("diligence.toml", None, Some(head)).unwrap();
        let f = check(&added).unwrap();
        assert_eq!(
            f.evidence,
            json!({"file": "diligence.toml", "change": "adds", "keys": ["fail-on", "[rules.\"code/env-exfiltration\"]", "disabled"]})
        );
        let removed = compare_config("diligence.toml", Some(head), None).unwrap();
        assert!(
            check(&removed)
                .unwrap()
                .message
                .starts_with("the head removes diligence.toml (")
        );
    }

    #[test]
    fn an_unchanged_file_or_one_absent_on_both_sides_is_not() {
        let text = b"registry=https://registry.npmjs.org/\n";
        assert!(compare_config(".npmrc", Some(text), Some(text)).is_none());
        assert!(compare_config(".npmrc", None, None).is_none());
        // Line order and blank lines alone change no setting, but the bytes changed: still
        // reported (the key list is empty).
        let reordered = b"\nregistry=https://registry.npmjs.org/\n";
        let c = compare_config(".npmrc", Some(text), Some(reordered)).unwrap();
        assert_eq!(c.keys, Vec::<String>::new());
        assert!(
            check(&c)
                .unwrap()
                .message
                .starts_with("the head changes .npmrc: ")
        );
    }
}
