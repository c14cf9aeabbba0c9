//! The project's configuration, read the same way for every command: `diligence.toml`
//! (`--config`, else `<project dir>/diligence.toml`), `.npmrc` (as npm reads it), and the
//! lockfile and metadata policies built from both. When the settings carry a
//! [`TrustedConfig`](crate::TrustedConfig) (`diff`: the base revision's files), its `diligence.toml` (unless
//! `--config`) and project `.npmrc` replace the project folder's.

use crate::EngineError;
use crate::settings::{Settings, TrustedFile};
use diligence_metadata::MetadataPolicy;
use diligence_policy::Policy;
use diligence_registry::NpmConfig;
use std::path::Path;

/// Everything the layers read from the project's configuration files.
#[derive(Debug, Clone)]
pub struct ProjectConfig {
    /// `diligence.toml` (the default policy when there is none).
    pub policy: Policy,
    /// `.npmrc` and `npm_config_*` as npm reads them.
    pub npm: NpmConfig,
    /// Allowed hosts and schemes of `resolved` URLs: defaults, the `.npmrc` registries, then
    /// `diligence.toml` and `--allowed-host`.
    pub lockfile: diligence_lockfile_rules::LockfilePolicy,
    /// Metadata thresholds and lists: defaults, `.npmrc` registries, then `diligence.toml`.
    pub metadata: MetadataPolicy,
}

impl ProjectConfig {
    /// Reads the configuration of `settings.project_dir`. Errors: an unreadable or invalid
    /// `diligence.toml` (file:line:column), a rule id it names that no rule has, an
    /// unreadable `.npmrc`.
    pub fn load(settings: &Settings) -> Result<ProjectConfig, EngineError> {
        let dir = settings.project_dir.as_path();
        let trusted = settings.trusted_config.as_ref();
        let trusted_policy = trusted.and_then(|t| t.policy.as_ref());
        let trusted_npmrc = trusted.and_then(|t| t.npmrc.as_ref());
        let policy = match (&settings.config, trusted_policy) {
            (None, Some(t)) => match &t.text {
                Some(text) => Policy::parse(&t.path, text)?,
                None => Policy::default(),
            },
            (explicit, _) => Policy::load(dir, explicit.as_deref())?,
        };
        let known: Vec<&str> = crate::rules::all_rules().iter().map(|r| r.id).collect();
        policy.check_rule_ids(&known)?;
        let allow = &settings.allow_project_credentials;
        let npm = match trusted_npmrc {
            Some(t) => {
                let name = t.path.display().to_string();
                let text = t.text.as_deref();
                NpmConfig::load_allowing_project_text(dir, allow, Some((&name, text)))
            }
            None => NpmConfig::load_allowing(dir, allow),
        }
        .map_err(|e| EngineError::Registry(format!("reading npm configuration: {e}")))?;
        let mut lockfile = lockfile_policy(&policy, &npm);
        lockfile
            .allowed_hosts
            .extend(settings.allowed_hosts.iter().cloned());
        let metadata = metadata_policy(&policy, dir, trusted_npmrc)?;
        Ok(ProjectConfig {
            policy,
            npm,
            lockfile,
            metadata,
        })
    }
}

/// The lockfile rules' policy: defaults, the `.npmrc` registry and scope registries, then
/// diligence.toml's `allowed-hosts`, `allowed-schemes` and `[scope-registries]`.
fn lockfile_policy(policy: &Policy, npm: &NpmConfig) -> diligence_lockfile_rules::LockfilePolicy {
    let mut out = diligence_lockfile_rules::LockfilePolicy::default().with_registry(&npm.registry);
    for registry in npm.scopes.values().chain(policy.scope_registries.values()) {
        out = out.with_registry(registry);
    }
    out.allowed_hosts
        .extend(policy.allowed_hosts.iter().cloned());
    out.allowed_schemes
        .extend(policy.allowed_schemes.iter().cloned());
    out
}

/// The metadata thresholds and lists: defaults, then `.npmrc` registries, then diligence.toml.
fn metadata_policy(
    policy: &Policy,
    project_dir: &Path,
    trusted_npmrc: Option<&TrustedFile>,
) -> Result<MetadataPolicy, EngineError> {
    let mut m = match trusted_npmrc {
        Some(t) => MetadataPolicy::default().with_npmrc_text(t.text.as_deref().unwrap_or("")),
        None => MetadataPolicy::default()
            .with_npmrc(project_dir)
            .map_err(EngineError::Registry)?,
    };
    let t = &policy.thresholds;
    m.cooldown_days = t.cooldown_days.unwrap_or(m.cooldown_days);
    m.new_package_days = t.new_package_days.unwrap_or(m.new_package_days);
    m.dormancy_days = t.dormancy_days.unwrap_or(m.dormancy_days);
    m.version_jump_major = t.version_jump_major.unwrap_or(m.version_jump_major);
    m.typosquat_allowlist
        .extend(policy.typosquat_allowlist.iter().cloned());
    m.internal_scopes
        .extend(policy.internal_scopes.iter().cloned());
    m.internal_names
        .extend(policy.internal_names.iter().cloned());
    for (scope, registry) in &policy.scope_registries {
        m.scope_registries
            .entry(scope.clone())
            .or_insert_with(|| registry.clone());
    }
    Ok(m)
}
