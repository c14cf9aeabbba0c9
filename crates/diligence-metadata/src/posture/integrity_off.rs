//! `posture/integrity-off`: project configuration that switches off the package manager's
//! integrity or transport checks.

use super::{ProjectConfig, Setting, at};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;
use std::path::Path;

declare_rule! {
    /// Reports project configuration that turns off the checks which make a tampered or
    /// swapped tarball fail to install.
    ///
    /// ## What it detects
    /// In the project's own files: yarn `.yarnrc.yml` `checksumBehavior` other than `throw`
    /// (`ignore` installs a tarball whose checksum differs from the lockfile; `update` and
    /// `reset` rewrite the lockfile's checksum to whatever was downloaded), `enableStrictSsl:
    /// false`, a plain-`http://` `npmRegistryServer`, and `unsafeHttpWhitelist` entries;
    /// `.npmrc` (npm, pnpm) `strict-ssl=false`, a plain-`http://` `registry` or
    /// `@scope:registry`, and pnpm's `verify-store-integrity=false`; pnpm
    /// `pnpm-workspace.yaml` `strictSsl: false` and `verifyStoreIntegrity: false`; yarn
    /// classic `.yarnrc` `strict-ssl false`. Each setting is reported once, at its line.
    ///
    /// ## Why it matters
    /// The lockfile's integrity hash is what stops a registry, a proxy or a network attacker
    /// from serving other bytes than were reviewed; certificate checks are what stop a network
    /// attacker from being the registry. A pull request that adds one of these lines switches
    /// that protection off for every later install, on every developer machine and in CI,
    /// with a change that looks like configuration. (yarn's own docs call `checksumBehavior:
    /// update` a way to "accept" changed archives.)
    ///
    /// ## Example
    /// ```yaml
    /// # .yarnrc.yml
    /// checksumBehavior: ignore
    /// ```
    ///
    /// ## Known false positives
    /// A registry reached over plain HTTP on a private network or `localhost` (a local
    /// Verdaccio for tests) is reported too: it is still unauthenticated transport. Medium,
    /// so it does not fail a build at the default threshold; raise it with `fail-on` where
    /// a project must never carry these settings.
    pub static INTEGRITY_OFF = { id: "posture/integrity-off", severity: Severity::Medium };
}

/// What a setting's value turns off, or `None` when the value is safe.
type Judge = fn(&Setting) -> Option<&'static str>;

/// `(settings key, judge)`: every key is `file-kind:key` as [`ProjectConfig`] stores it.
const SETTINGS: [(&str, Judge); 11] = [
    ("yarnrc:checksumBehavior", checksum_behavior),
    ("yarnrc:enableStrictSsl", strict_ssl),
    ("yarnrc:npmRegistryServer", plain_http),
    ("yarnrc:unsafeHttpWhitelist", http_whitelist),
    ("npmrc:strict-ssl", strict_ssl),
    ("npmrc:registry", plain_http),
    ("npmrc:verify-store-integrity", store_integrity),
    ("pnpm:strictSsl", strict_ssl),
    ("pnpm:verifyStoreIntegrity", store_integrity),
    ("pnpm:registry", plain_http),
    ("yarnrc-classic:strict-ssl", strict_ssl),
];

fn checksum_behavior(s: &Setting) -> Option<&'static str> {
    match s.text().as_str() {
        "throw" => None,
        "ignore" => Some("installs tarballs whose checksum differs from the lockfile"),
        _ => Some("rewrites the lockfile's checksums to whatever was downloaded"),
    }
}

fn strict_ssl(s: &Setting) -> Option<&'static str> {
    (s.as_bool() == Some(false))
        .then_some("accepts any TLS certificate: a network attacker can act as the registry")
}

fn plain_http(s: &Setting) -> Option<&'static str> {
    s.text()
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
        .then_some("fetches packages over plain HTTP: a network attacker can swap them")
}

fn http_whitelist(s: &Setting) -> Option<&'static str> {
    let listed = match &s.value {
        serde_json::Value::Array(a) => !a.is_empty(),
        serde_json::Value::String(t) => !t.trim().is_empty(),
        _ => false,
    };
    listed.then_some("lets these hosts serve packages over plain HTTP")
}

fn store_integrity(s: &Setting) -> Option<&'static str> {
    (s.as_bool() == Some(false))
        .then_some("does not re-check the integrity of packages already in the store")
}

/// Runs the rule over the project's configuration (all package managers: a file that is
/// present is read by the manager that reads it, whichever the lockfile says).
pub fn check(dir: &Path, cfg: &ProjectConfig) -> Vec<Finding> {
    let mut out = Vec::new();
    // `@scope:registry` lines of `.npmrc` are judged like `registry`.
    let scoped = cfg
        .settings
        .iter()
        .filter(|(k, _)| k.starts_with("npmrc:@") && k.ends_with(":registry"));
    let fixed = SETTINGS
        .iter()
        .filter_map(|(key, judge)| cfg.get(key).map(|s| (*key, s, *judge)));
    for (key, setting, judge) in
        fixed.chain(scoped.map(|(k, s)| (k.as_str(), s, plain_http as Judge)))
    {
        let Some(what) = judge(setting) else {
            continue;
        };
        let (_, name) = key.split_once(':').unwrap_or(("", key));
        let file = setting
            .file
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let value = setting.text();
        let message = format!("{file} sets `{name}` to `{value}`: the package manager {what}");
        out.push(
            at(Finding::new(&INTEGRITY_OFF, message), Some(setting), dir).evidence(json!({
                "file": file,
                "setting": name,
                "value": value,
            })),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(files: &[(&str, &str)]) -> (tempfile::TempDir, ProjectConfig) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let cfg = ProjectConfig::read(dir.path());
        (dir, cfg)
    }

    fn hits(files: &[(&str, &str)]) -> Vec<(String, String, u32)> {
        let (dir, cfg) = cfg(files);
        check(dir.path(), &cfg)
            .iter()
            .map(|f| {
                let loc = f.location.clone().unwrap();
                (
                    f.evidence["setting"].as_str().unwrap().to_string(),
                    f.evidence["value"].as_str().unwrap().to_string(),
                    loc.line,
                )
            })
            .collect()
    }

    #[test]
    fn yarn_checksum_tls_and_http_settings_are_reported_at_their_line() {
        let got = hits(&[(
            ".yarnrc.yml",
            "nodeLinker: node-modules\nchecksumBehavior: ignore\nenableStrictSsl: false\nnpmRegistryServer: \"http://registry.example.com\"\nunsafeHttpWhitelist:\n  - \"*.example.com\"\n",
        )]);
        assert_eq!(
            got,
            vec![
                ("checksumBehavior".into(), "ignore".into(), 2),
                ("enableStrictSsl".into(), "false".into(), 3),
                (
                    "npmRegistryServer".into(),
                    "http://registry.example.com".into(),
                    4
                ),
                (
                    "unsafeHttpWhitelist".into(),
                    "[\"*.example.com\"]".into(),
                    5
                ),
            ]
        );
        assert_eq!(
            hits(&[(".yarnrc.yml", "checksumBehavior: update\n")]),
            vec![("checksumBehavior".into(), "update".into(), 1)]
        );
    }

    #[test]
    fn npmrc_and_pnpm_settings_are_reported() {
        let got = hits(&[
            (
                ".npmrc",
                "registry=http://registry.example.com/\nstrict-ssl=false\n@corp:registry=http://npm.corp.example/\nverify-store-integrity=false\n",
            ),
            ("pnpm-workspace.yaml", "packages: []\nstrictSsl: false\n"),
            (".yarnrc", "strict-ssl false\n"),
        ]);
        assert_eq!(
            got,
            vec![
                ("strict-ssl".into(), "false".into(), 2),
                ("registry".into(), "http://registry.example.com/".into(), 1),
                ("verify-store-integrity".into(), "false".into(), 4),
                ("strictSsl".into(), "false".into(), 2),
                ("strict-ssl".into(), "false".into(), 1),
                (
                    "@corp:registry".into(),
                    "http://npm.corp.example/".into(),
                    3
                ),
            ]
        );
    }

    /// The safe values and the defaults are silent.
    #[test]
    fn safe_settings_are_silent() {
        assert!(
            hits(&[
                (
                    ".yarnrc.yml",
                    "checksumBehavior: throw\nenableStrictSsl: true\nnpmRegistryServer: \"https://registry.yarnpkg.com\"\nunsafeHttpWhitelist: []\n",
                ),
                (
                    ".npmrc",
                    "registry=https://registry.npmjs.org/\nstrict-ssl=true\n@corp:registry=https://npm.corp.example/\n",
                ),
                ("pnpm-workspace.yaml", "packages: []\nverifyStoreIntegrity: true\n"),
            ])
            .is_empty()
        );
        assert!(hits(&[]).is_empty());
    }
}
