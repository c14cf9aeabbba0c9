//! `registry/resolved-mismatch`.

use super::{Outcome, finding};
use crate::config::{NpmConfig, PUBLIC_REGISTRIES, scope_of};
use crate::urls;
use diligence_finding::{NotEvaluated, Severity};
use diligence_graph::{Package, Source};
use diligence_packument::Packument;

diligence_finding::declare_rule! {
    /// The lockfile's `resolved` URL is not the registry's `dist.tarball` for that version.
    ///
    /// ## What it detects
    /// A registry entry whose tarball URL (npm/yarn `resolved`, pnpm `resolution.tarball`,
    /// bun's URL slot, berry `__archiveUrl`) differs from the packument's `dist.tarball` for
    /// the locked version, after mapping registry hosts: a URL under the configured registry
    /// or a public npm registry host (`registry.npmjs.org`, `registry.yarnpkg.com`) is compared
    /// by its path below that host, normalised as npm does (WHATWG URL: `..`, `%2e%2e`,
    /// `%2f`). A URL on any other host, or with `http:` for an `https:` registry, differs;
    /// the right host and path over plain `http:` is reported at medium severity.
    ///
    /// ## Why it matters
    /// Lockfile injection (tamper kinds T1, T2, T3, T6): the package managers fetch whatever
    /// URL the lockfile says, so an edited `resolved` installs an attacker's tarball, another
    /// package (`/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz`) or an older vulnerable version while
    /// the entry still reads `ms@2.1.3`.
    ///
    /// ## Example
    /// ```text
    /// "node_modules/debug": { "version": "4.4.3",
    ///   "resolved": "https://npm.evil.example/debug/-/debug-4.4.3.tgz" }
    /// ```
    ///
    /// ## Known false positives
    /// Lockfiles written against a private mirror that the auditing machine's `.npmrc` does not
    /// name: set `registry` (or `@scope:registry`) to that mirror and its URLs map. Scoped
    /// entries outside their configured scope registry are reported by
    /// `registry/scope-registry` instead, once.
    pub static RESOLVED_MISMATCH = { id: "registry/resolved-mismatch", severity: Severity::Critical };
}

/// Compares the entry's tarball URL with the packument's `dist.tarball` of its version.
/// Clean when the entry records no URL or the version is missing (another rule reports it).
pub fn check(package: &Package, file: &str, config: &NpmConfig, packument: &Packument) -> Outcome {
    let Source::Registry {
        resolved: Some(resolved),
    } = &package.source
    else {
        return Outcome::Clean;
    };
    let Some(manifest) = packument.version(&package.version) else {
        return Outcome::Clean;
    };
    let registry = config.registry_for(&package.name);
    let scoped_registry = scope_of(&package.name).is_some_and(|s| config.scopes.contains_key(s));
    let mut bases: Vec<&str> = vec![registry];
    if !scoped_registry {
        bases.extend(PUBLIC_REGISTRIES);
    }
    let ours = urls::under_any(resolved, &bases);
    if ours.is_none() && scoped_registry {
        // Outside the scope's registry: registry/scope-registry reports it.
        return Outcome::Clean;
    }
    let expected = &manifest.dist.tarball;
    if expected.is_empty() {
        return Outcome::NotEvaluated(NotEvaluated {
            what: super::what("registry tarball URL check", package),
            why: "the packument gives no dist.tarball for this version".into(),
        });
    }
    let mut all_bases = bases.clone();
    all_bases.extend(PUBLIC_REGISTRIES);
    let theirs = urls::under_any(expected, &all_bases);
    let same = match (&ours, &theirs) {
        (Some((_, a)), Some((_, b))) => a == b,
        (None, None) => urls::normalised(resolved) == urls::normalised(expected),
        _ => false,
    };
    if same {
        return Outcome::Clean;
    }
    // The right registry and path over plain http (old npm 5 lockfiles): the integrity still
    // guards the bytes, so this is a downgrade, not a different tarball.
    let over_http = ours.is_none()
        && resolved.starts_with("http://")
        && urls::under_any(&resolved.replacen("http://", "https://", 1), &bases)
            .zip(theirs.as_ref())
            .is_some_and(|((_, a), (_, b))| a == *b);
    let why = if over_http {
        "the registry's tarball over plain http://"
    } else if ours.is_none() {
        "a host that is not the configured registry"
    } else {
        "a path that is not this version's tarball"
    };
    let message = format!(
        "{}: lockfile resolves {} ({why}); the registry's tarball is {expected}",
        package.id_string(),
        urls::normalised(resolved)
    );
    let severity = if over_http {
        Severity::Medium
    } else {
        RESOLVED_MISMATCH.default_severity
    };
    Outcome::Finding(Box::new(
        finding(
            &RESOLVED_MISMATCH,
            package,
            file,
            package.location.for_resolved(),
            message,
        )
        .severity(severity)
        .evidence(serde_json::json!({
            "resolved": resolved,
            "normalised": urls::normalised(resolved),
            "registry_tarball": expected,
            "insecure_scheme_only": over_http,
        })),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::*;

    fn default_config() -> NpmConfig {
        NpmConfig::default()
    }

    fn flagged(resolved: &str) -> bool {
        severity(resolved).is_some()
    }

    fn severity(resolved: &str) -> Option<Severity> {
        let p = entry("debug", "4.4.3", Some(resolved), DEBUG_443);
        match check(
            &p,
            "package-lock.json",
            &default_config(),
            &debug_packument(),
        ) {
            Outcome::Finding(f) => {
                assert_eq!(f.rule, "registry/resolved-mismatch");
                assert_eq!(f.package.as_ref().unwrap().name, "debug");
                assert_eq!(f.location.as_ref().unwrap().line, 42);
                Some(f.severity)
            }
            Outcome::Clean => None,
            Outcome::NotEvaluated(n) => panic!("{n:?}"),
        }
    }

    #[test]
    fn flags_host_path_version_and_scheme_changes() {
        // npm-v3-T1-1, npm-v3-T2-1, pnpm-v9-T2-1, yarn-classic-T3-1 (shape), yarn-classic-T6-1.
        assert!(flagged("https://npm.evil.example/debug/-/debug-4.4.3.tgz"));
        assert!(flagged(
            "https://registry.npmjs.org/debug/../evil-pkg/-/evil-pkg-1.0.0.tgz"
        ));
        assert!(flagged(
            "https://registry.npmjs.org/debug/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz"
        ));
        assert!(flagged(
            "https://registry.yarnpkg.com/debug/-/debug-4.4.1.tgz"
        ));
        assert!(flagged(
            "http://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz#c6ae432d9bd9662582fce08709b038c58e9e3d6a"
        ));
        assert!(flagged("http://203.0.113.7/debug/-/debug-4.4.3.tgz"));
        assert_eq!(
            severity("http://203.0.113.7/debug/-/debug-4.4.3.tgz"),
            Some(Severity::Critical)
        );
        // yarn-classic-T6-1: right host and path, plain http.
        assert_eq!(
            severity("http://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz"),
            Some(Severity::Medium)
        );
        assert_eq!(
            severity("http://registry.yarnpkg.com/debug/-/debug-4.4.1.tgz"),
            Some(Severity::Critical)
        );
    }

    #[test]
    fn a_packument_without_a_tarball_url_is_not_evaluated() {
        let mut packument = debug_packument();
        if let Some(v) = packument.versions.get_mut("4.4.3") {
            v.dist.tarball.clear();
        }
        let p = entry(
            "debug",
            "4.4.3",
            Some("https://registry.npmjs.org/debug/-/debug-4.4.3.tgz"),
            DEBUG_443,
        );
        let Outcome::NotEvaluated(n) =
            check(&p, "package-lock.json", &default_config(), &packument)
        else {
            panic!("expected not evaluated")
        };
        assert_eq!(n.what, "registry tarball URL check of debug@4.4.3");
    }

    #[test]
    fn passes_registry_aliases_and_mirrors() {
        assert!(!flagged(
            "https://registry.npmjs.org/debug/-/debug-4.4.3.tgz"
        ));
        assert!(!flagged(
            "https://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz#c6ae432d9bd9662582fce08709b038c58e9e3d6a"
        ));
        // A lockfile written against a configured mirror maps onto the public packument.
        let config =
            NpmConfig::from_npmrc(".npmrc", "registry=http://127.0.0.1:4873/npm/", &[]).unwrap();
        let p = entry(
            "debug",
            "4.4.3",
            Some("http://127.0.0.1:4873/npm/debug/-/debug-4.4.3.tgz"),
            DEBUG_443,
        );
        assert_eq!(
            check(&p, "package-lock.json", &config, &debug_packument()),
            Outcome::Clean
        );
    }
}
