//! `posture/integrity-off`: project configuration that switches off the package manager's
//! integrity or transport checks.

use super::{ProjectConfig, Setting, at};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::{Value, json};
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
    /// `npmScopes.<scope>.npmRegistryServer` over `http://`; yarn classic `.yarnrc`
    /// `strict-ssl false` and an `http://` `registry`. Values are read as the package manager
    /// reads them: quotes, an `.npmrc` inline ` ;`/` #` comment and surrounding blanks
    /// dropped; `0`, `0.0` and `null` are false; `${VAR:-default}` is judged by its default. A
    /// value taken from the environment with no default (`registry=${REG}`) cannot be judged
    /// here: reported at low, naming the variable. Each setting is reported once, at its line.
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

/// What a value (as [`effective`] reads it) turns off, or `None` when it is safe.
type Judge = fn(&Value) -> Option<&'static str>;

/// A setting's value as the package manager uses it.
enum Effective {
    /// A literal (or the default of an environment reference).
    Literal(Value),
    /// `${NAME}` with no default: known only at install time.
    Environment(String),
}

/// Reads a value as npm, pnpm and yarn read it (see the rule's doc).
fn effective(s: &Setting) -> Effective {
    let Value::String(raw) = &s.value else {
        return Effective::Literal(match &s.value {
            Value::Number(n) if n.as_f64() == Some(0.0) => Value::Bool(false),
            other => other.clone(),
        });
    };
    let mut t = raw.trim();
    if s.file.file_name().is_some_and(|f| f == ".npmrc") {
        // npm's ini reader drops an inline comment after whitespace.
        if let Some(i) = t
            .find(" ;")
            .or_else(|| t.find(" #"))
            .or_else(|| t.find("\t;"))
        {
            t = t[..i].trim_end();
        }
    }
    let t = t
        .strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .or_else(|| t.strip_prefix('"').and_then(|x| x.strip_suffix('"')))
        .unwrap_or(t)
        .trim();
    expand(t)
}

/// `${NAME:-default}` / `${NAME-default}` → the default; `${NAME}` → the variable; anything
/// else is the literal text.
fn expand(t: &str) -> Effective {
    if let Some(inner) = t.strip_prefix("${").and_then(|x| x.strip_suffix('}')) {
        return match inner.split_once(":-").or_else(|| inner.split_once('-')) {
            Some((_, default)) => Effective::Literal(Value::String(default.to_string())),
            None => Effective::Environment(inner.to_string()),
        };
    }
    Effective::Literal(Value::String(t.to_string()))
}

/// True for the values npm, pnpm and yarn read as false.
fn falsy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => !b,
        Value::Null => true,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => matches!(
            s.to_ascii_lowercase().as_str(),
            "false" | "0" | "0.0" | "null"
        ),
        _ => false,
    }
}

/// `(settings key, judge)`: every key is `file-kind:key` as [`ProjectConfig`] stores it.
const SETTINGS: [(&str, Judge); 12] = [
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
    ("yarnrc-classic:registry", plain_http),
];

fn checksum_behavior(v: &Value) -> Option<&'static str> {
    match v.as_str().unwrap_or_default() {
        "throw" => None,
        "ignore" => Some("installs tarballs whose checksum differs from the lockfile"),
        _ => Some("rewrites the lockfile's checksums to whatever was downloaded"),
    }
}

fn strict_ssl(v: &Value) -> Option<&'static str> {
    falsy(v).then_some("accepts any TLS certificate: a network attacker can act as the registry")
}

fn plain_http(v: &Value) -> Option<&'static str> {
    v.as_str()
        .and_then(|t| t.get(..7))
        .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
        .then_some("fetches packages over plain HTTP: a network attacker can swap them")
}

fn http_whitelist(v: &Value) -> Option<&'static str> {
    let listed = match v {
        Value::Array(a) => !a.is_empty(),
        Value::String(t) => !t.trim().is_empty(),
        _ => false,
    };
    listed.then_some("lets these hosts serve packages over plain HTTP")
}

fn store_integrity(v: &Value) -> Option<&'static str> {
    falsy(v).then_some("does not re-check the integrity of packages already in the store")
}

/// yarn `npmScopes`: `{scope: {npmRegistryServer: url}}`; the first plain-HTTP server.
fn scoped_servers(v: &Value) -> Option<&'static str> {
    v.as_object()?
        .values()
        .filter_map(|scope| scope.get("npmRegistryServer"))
        .find_map(|url| match expand(url.as_str()?.trim()) {
            Effective::Literal(v) => plain_http(&v),
            Effective::Environment(_) => None,
        })
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
    let yarn_scopes = cfg
        .get("yarnrc:npmScopes")
        .map(|s| ("yarnrc:npmScopes", s, scoped_servers as Judge));
    let all = fixed
        .chain(scoped.map(|(k, s)| (k.as_str(), s, plain_http as Judge)))
        .chain(yarn_scopes);
    for (key, setting, judge) in all {
        let (_, name) = key.split_once(':').unwrap_or(("", key));
        let file = setting
            .file
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
        let value = setting.text();
        let (severity, message) = match effective(setting) {
            Effective::Literal(v) => match judge(&v) {
                Some(what) => (
                    Severity::Medium,
                    format!("{file} sets `{name}` to `{value}`: the package manager {what}"),
                ),
                None => continue,
            },
            Effective::Environment(var) => (
                Severity::Low,
                format!(
                    "{file} takes `{name}` from the environment variable `{var}`: whether it \
                     turns off an integrity or TLS check is decided at install time, not here"
                ),
            ),
        };
        out.push(
            at(Finding::new(&INTEGRITY_OFF, message), Some(setting), dir)
                .severity(severity)
                .evidence(json!({
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

    /// Values as the managers read them: quotes, inline comments, numbers and null, and
    /// environment references with and without a default (red-team bypasses).
    #[test]
    fn values_are_read_as_the_package_manager_reads_them() {
        let got = hits(&[
            (
                ".npmrc",
                "strict-ssl='false'\nregistry=' http://r.example/'\n@a:registry=${REG}\nverify-store-integrity=0 ;off\n",
            ),
            (
                ".yarnrc.yml",
                "enableStrictSsl: 0\nnpmRegistryServer: \"${REG:-http://r.example}\"\nnpmScopes:\n  corp:\n    npmRegistryServer: \"http://npm.corp.example\"\n",
            ),
            (
                ".yarnrc",
                "registry \"http://r.example/\"\nstrict-ssl null\n",
            ),
        ]);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "enableStrictSsl",
                "npmRegistryServer",
                "strict-ssl",
                "registry",
                "verify-store-integrity",
                "strict-ssl",
                "registry",
                "@a:registry",
                "npmScopes",
            ]
        );
        let (dir, cfg) = cfg(&[(".npmrc", "registry=${REG}\nstrict-ssl=${SSL:-true}\n")]);
        let findings = check(dir.path(), &cfg);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Low);
        assert!(
            findings[0].message.contains("`REG`"),
            "{}",
            findings[0].message
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
