//! Thresholds and lists the metadata checks read ([`MetadataPolicy`]).

use std::collections::BTreeMap;
use std::path::Path;

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

impl MetadataPolicy {
    /// Fills [`MetadataPolicy::registry`] and [`MetadataPolicy::scope_registries`] from the
    /// project's `.npmrc` (`registry=<url>`, `@scope:registry=<url>`; npm docs "npmrc"), keeping
    /// values already set. A missing `.npmrc` changes nothing; an unreadable one is an error
    /// naming the file. Credentials in the file are never read into the policy.
    pub fn with_npmrc(self, project_dir: &Path) -> Result<MetadataPolicy, String> {
        let path = project_dir.join(".npmrc");
        let bounded = diligence_lockfile::bounded::read_text_bounded(
            &path,
            diligence_lockfile::bounded::MAX_CONFIG_BYTES,
        );
        let text = match bounded {
            Ok(Some(t)) => t,
            Ok(None) => return Ok(self),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        Ok(self.with_npmrc_text(&text))
    }

    /// [`MetadataPolicy::with_npmrc`] from the `.npmrc` text (`diff`: the base revision's).
    pub fn with_npmrc_text(mut self, text: &str) -> MetadataPolicy {
        for line in text.lines().map(str::trim) {
            if line.starts_with(['#', ';']) {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let (key, value) = (key.trim(), value.trim().trim_matches('"').to_string());
            if key == "registry" {
                self.registry.get_or_insert(value);
            } else if let Some(scope) = key.strip_suffix(":registry").filter(|s| s.starts_with('@'))
            {
                self.scope_registries
                    .entry(scope.to_string())
                    .or_insert(value);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npmrc_registries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".npmrc"),
            "registry=https://npm.corp.example/\n@acme:registry=https://npm.acme.example/\n//npm.acme.example/:_authToken=${TOKEN}\n",
        )
        .unwrap();
        let p = MetadataPolicy::default().with_npmrc(dir.path()).unwrap();
        assert_eq!(p.registry.as_deref(), Some("https://npm.corp.example/"));
        assert_eq!(p.scope_registries["@acme"], "https://npm.acme.example/");
        assert_eq!(p.scope_registries.len(), 1);
        let none = MetadataPolicy::default()
            .with_npmrc(&dir.path().join("nope"))
            .unwrap();
        assert_eq!(none, MetadataPolicy::default());
    }

    #[test]
    fn npmrc_is_read_size_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".npmrc");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(2 * 1024 * 1024)
            .unwrap();
        let e = MetadataPolicy::default()
            .with_npmrc(dir.path())
            .unwrap_err();
        assert_eq!(
            e,
            format!("{}: cannot read: larger than 1 MiB (limit)", path.display())
        );
    }
}
