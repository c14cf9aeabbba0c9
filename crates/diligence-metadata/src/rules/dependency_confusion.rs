//! `metadata/dependency-confusion`: internal packages resolved from the public registry, and
//! packages resolved from a host other than the project's registry.

use crate::policy::{MetadataPolicy, NPM_REGISTRY};
use diligence_finding::{Finding, NotEvaluated, Severity, declare_rule};
use diligence_graph::{DependencyGraph, Package, Source};
use serde_json::json;

declare_rule! {
    /// A package that should come from a private registry was resolved from another host.
    ///
    /// ## What it detects
    /// Working on the lockfile alone (each registry entry's `resolved` URL):
    /// - packages whose scope or name the policy declares internal (`internal_scopes`,
    ///   `internal_names`) resolved from a public registry host;
    /// - packages of a scope mapped to a registry (`@acme:registry=…` in `.npmrc`, passed as
    ///   `scope_registries`) resolved from any other host;
    /// - when the project configures a registry (`registry=…`), unscoped packages resolved from
    ///   another host (public registry hosts count as one when the configured registry is
    ///   public).
    ///
    /// ## Why it matters
    /// Dependency confusion (Alex Birsan, 2021): an attacker publishes the name of a company's
    /// internal package on the public registry with a higher version, and a misconfigured
    /// install takes the public one. The lockfile shows where each package really came from.
    ///
    /// ## Example
    /// With `internal_scopes = ["@acme"]`, a `package-lock.json` entry
    /// `node_modules/@acme/auth` resolved from
    /// `https://registry.npmjs.org/@acme/auth/-/auth-99.0.0.tgz`.
    ///
    /// ## Known false positives
    /// Internal names that are also legitimately public, and registries reached through
    /// several host names (map the scope in `diligence.toml` `[scope-registries]`). Unscoped
    /// public packages whose lockfile URL names the public registry while `.npmrc` points at a
    /// mirror are not reported: npm rewrites those URLs to the configured registry. Internal
    /// packages whose lockfile entry records no `resolved` URL (pnpm, yarn berry) are reported
    /// as not evaluated.
    pub static DEPENDENCY_CONFUSION = { id: "metadata/dependency-confusion", severity: Severity::High };
}

/// The host of a URL, lowercased; `None` when it does not parse or has no host.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    Some(parsed.host_str()?.to_ascii_lowercase())
}

fn scope_of(name: &str) -> Option<&str> {
    name.starts_with('@')
        .then(|| name.split('/').next())
        .flatten()
}

/// Runs the rule over the graph: findings at the entry's `resolved` line, and a
/// [`NotEvaluated`] for each internal package whose lockfile entry has no `resolved` URL.
pub fn check(
    graph: &DependencyGraph,
    policy: &MetadataPolicy,
) -> (Vec<Finding>, Vec<NotEvaluated>) {
    let file = graph.lockfile.path.display().to_string();
    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    for package in &graph.packages {
        let Source::Registry { resolved } = &package.source else {
            continue;
        };
        let Some(resolved) = resolved else {
            if is_internal(&package.name, policy)
                || mapped_registry(&package.name, policy).is_some()
            {
                not_evaluated.push(NotEvaluated {
                    what: format!("{} of {}", DEPENDENCY_CONFUSION.id, package.id_string()),
                    why: "the lockfile records no resolved URL for this internal package".into(),
                });
            }
            continue;
        };
        // Only names a policy speaks about can be confused: skip the URL parse for the rest.
        let relevant = mapped_registry(&package.name, policy).is_some()
            || is_internal(&package.name, policy)
            || (scope_of(&package.name).is_none() && policy.registry.is_some());
        if !relevant {
            continue;
        }
        let Some(host) = host_of(resolved) else {
            continue;
        };
        let Some(reason) = violation(package, &host, policy) else {
            continue;
        };
        let message = format!("{} was resolved from {host}: {reason}", package.id_string());
        findings.push(
            Finding::new(&DEPENDENCY_CONFUSION, message)
                .package(&package.name, &package.version)
                .at(file.clone(), package.location.for_resolved())
                .evidence(json!({"resolved": resolved, "host": host, "reason": reason})),
        );
    }
    (findings, not_evaluated)
}

fn is_internal(name: &str, policy: &MetadataPolicy) -> bool {
    policy.internal_names.iter().any(|n| n == name)
        || scope_of(name).is_some_and(|s| policy.internal_scopes.iter().any(|i| i == s))
}

fn mapped_registry<'a>(name: &str, policy: &'a MetadataPolicy) -> Option<&'a String> {
    policy.scope_registries.get(scope_of(name)?)
}

fn is_public(host: &str, policy: &MetadataPolicy) -> bool {
    policy
        .public_registry_hosts
        .iter()
        .any(|h| h.eq_ignore_ascii_case(host))
}

/// Why this package's host is wrong, or `None` when it is fine.
fn violation(package: &Package, host: &str, policy: &MetadataPolicy) -> Option<String> {
    if let Some(registry) = mapped_registry(&package.name, policy) {
        let expected = host_of(registry)?;
        return (expected != host).then(|| {
            format!("its scope is mapped to {registry}, so it must come from {expected}")
        });
    }
    if is_internal(&package.name, policy) {
        return is_public(host, policy)
            .then(|| "it is declared internal but came from the public registry".to_string());
    }
    if scope_of(&package.name).is_some() {
        return None;
    }
    let configured = policy.registry.as_deref()?;
    let expected = host_of(configured).or_else(|| host_of(NPM_REGISTRY))?;
    // npm rewrites public-registry URLs to the configured registry when it installs
    // (`replace-registry-host=npmjs`, the default), so with a mirror configured a lockfile full
    // of registry.npmjs.org URLs is the norm, not confusion.
    if expected == host || is_public(host, policy) {
        return None;
    }
    Some(format!("the project's registry is {configured}"))
}
