//! `registry/scope-registry`.

use super::{Outcome, finding};
use crate::config::{NpmConfig, scope_of};
use crate::urls;
use diligence_finding::Severity;
use diligence_graph::{Package, Source};

diligence_finding::declare_rule! {
    /// A scoped package locked from a registry other than the one configured for its scope.
    ///
    /// ## What it detects
    /// An entry of `@scope/name` whose `resolved` URL is not under the `@scope:registry` that
    /// `.npmrc` (or `npm_config_@scope:registry`) configures for that scope, e.g. a company
    /// package resolved from the public registry.
    ///
    /// ## Why it matters
    /// Dependency confusion (Birsan, 2021): an attacker publishes a package with an internal
    /// name on the public registry; a mis-scoped install or a hand-edited lockfile then
    /// fetches the public impostor instead of the private package. The lockfile keeps
    /// fetching it from there on every `npm ci`.
    ///
    /// ## Example
    /// `.npmrc`: `@corp:registry=https://npm.corp.example/`, and in `package-lock.json`:
    /// ```text
    /// "node_modules/@corp/auth": { "resolved": "https://registry.npmjs.org/@corp/auth/-/auth-1.0.0.tgz" }
    /// ```
    ///
    /// ## Known false positives
    /// A lockfile written on a machine whose `.npmrc` mapped the scope elsewhere (a second
    /// mirror of the same private registry). Entries without a `resolved` URL (pnpm, bun,
    /// yarn berry) are fetched from the configured registry and are not flagged.
    pub static SCOPE_REGISTRY = { id: "registry/scope-registry", severity: Severity::High };
}

/// Flags a scoped entry whose `resolved` URL is outside its scope's configured registry.
/// Clean for unscoped names, scopes without configuration and entries without a URL.
pub fn check(package: &Package, file: &str, config: &NpmConfig) -> Outcome {
    let Some(scope) = scope_of(&package.name) else {
        return Outcome::Clean;
    };
    let Some(scope_registry) = config.scopes.get(scope) else {
        return Outcome::Clean;
    };
    let Source::Registry {
        resolved: Some(resolved),
    } = &package.source
    else {
        return Outcome::Clean;
    };
    if urls::registry_path(resolved, scope_registry).is_some() {
        return Outcome::Clean;
    }
    let message = format!(
        "{} is in scope {scope}, configured to come from {scope_registry}, but the lockfile resolves it from {}",
        package.id_string(),
        urls::normalised(resolved)
    );
    Outcome::Finding(Box::new(
        finding(
            &SCOPE_REGISTRY,
            package,
            file,
            package.location.for_resolved(),
            message,
        )
        .evidence(serde_json::json!({"resolved": resolved, "scope": scope, "scope_registry": scope_registry})),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    fn config() -> NpmConfig {
        NpmConfig::from_npmrc(".npmrc", "@types:registry=https://npm.corp.example/", &[]).unwrap()
    }

    #[test]
    fn flags_scoped_package_from_the_public_registry() {
        let p = entry(
            "@types/ms",
            "2.1.0",
            Some("https://registry.npmjs.org/@types/ms/-/ms-2.1.0.tgz"),
            DEBUG_443,
        );
        let Outcome::Finding(f) = check(&p, "package-lock.json", &config()) else {
            panic!("expected a finding")
        };
        assert_eq!(f.rule, "registry/scope-registry");
        assert_eq!(f.package.as_ref().unwrap().name, "@types/ms");
        assert_eq!(f.location.as_ref().unwrap().line, 42);
    }

    #[test]
    fn passes_the_configured_registry_and_unscoped_names() {
        let p = entry(
            "@types/ms",
            "2.1.0",
            Some("https://npm.corp.example/@types/ms/-/ms-2.1.0.tgz"),
            DEBUG_443,
        );
        assert_eq!(check(&p, "package-lock.json", &config()), Outcome::Clean);
        let p = entry(
            "ms",
            "2.1.3",
            Some("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"),
            DEBUG_443,
        );
        assert_eq!(check(&p, "package-lock.json", &config()), Outcome::Clean);
        let p = entry("@types/ms", "2.1.0", None, DEBUG_443);
        assert_eq!(check(&p, "pnpm-lock.yaml", &config()), Outcome::Clean);
    }
}
