//! Thresholds and lists the metadata checks read ([`MetadataPolicy`]).

use std::collections::BTreeMap;

/// Configuration of the metadata checks. [`MetadataPolicy::default`] gives the defaults of
/// issue 6; `diligence.toml` (the policy crate) overrides fields.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataPolicy {
    /// `metadata/recent-version`: a version younger than this (days since its publish time) is
    /// flagged. Default 2 days.
    pub cooldown_days: f64,
    /// `metadata/new-package`: a package created less than this many days ago is flagged.
    /// Default 22 days.
    pub new_package_days: f64,
    /// `metadata/dormant-release`: a patch/minor release more than this many days after the
    /// previous version is flagged. Default 365 days.
    pub dormancy_days: f64,
    /// `metadata/version-jump`: majors at or above this are anomalous unless the package got
    /// there gradually. Default 99.
    pub version_jump_major: u64,
    /// `metadata/typosquat`: names never flagged (exact, case-insensitive), in addition to the
    /// popular list itself.
    pub typosquat_allowlist: Vec<String>,
    /// `metadata/dependency-confusion`: scopes (`@acme`) whose packages are internal and must
    /// never come from the public registry.
    pub internal_scopes: Vec<String>,
    /// `metadata/dependency-confusion`: unscoped or scoped names that are internal.
    pub internal_names: Vec<String>,
    /// `metadata/dependency-confusion`: scope (`@acme`) → registry URL, as `.npmrc`
    /// `@acme:registry=` lines give it. Packages of a mapped scope must resolve from that
    /// registry's host.
    pub scope_registries: BTreeMap<String, String>,
    /// `metadata/dependency-confusion`: the project's configured default registry URL
    /// (`.npmrc` `registry=`). `None` = `https://registry.npmjs.org/`.
    pub registry: Option<String>,
    /// `metadata/dependency-confusion`: registry hosts treated as the public registry.
    /// Default `registry.npmjs.org`, `registry.yarnpkg.com`, `registry.npmmirror.com`.
    pub public_registry_hosts: Vec<String>,
}

/// The public npm registry URL.
pub const NPM_REGISTRY: &str = "https://registry.npmjs.org/";

impl Default for MetadataPolicy {
    fn default() -> Self {
        MetadataPolicy {
            cooldown_days: 2.0,
            new_package_days: 22.0,
            dormancy_days: 365.0,
            version_jump_major: 99,
            typosquat_allowlist: Vec::new(),
            internal_scopes: Vec::new(),
            internal_names: Vec::new(),
            scope_registries: BTreeMap::new(),
            registry: None,
            public_registry_hosts: vec![
                "registry.npmjs.org".into(),
                "registry.yarnpkg.com".into(),
                "registry.npmmirror.com".into(),
            ],
        }
    }
}
