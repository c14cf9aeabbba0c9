//! Wiring shared by the commands that produce a `diligence.report/1` (`audit`, `diff`):
//! the advisory database, the registry client, the lockfile and metadata policies built from
//! `.npmrc` and `diligence.toml`, and the report writers.

use crate::cli::{NetworkArgs, ReportFormat};
use anyhow::{Context, Result};
use diligence_finding::{NotEvaluated, Report, Severity};
use diligence_policy::Policy;
use diligence_registry::{Cache, ClientOptions, Mode, NpmConfig, RegistryClient};
use std::io::Write;
use std::path::Path;

/// The advisory database from `--db SOURCE`, else the local index. `Err` is the
/// not-evaluated record to report (fail closed), with a hint when the cache is empty.
pub(crate) fn open_advisories(
    db: Option<&str>,
) -> Result<diligence_advisory::AdvisoryDb, NotEvaluated> {
    let opened = match db {
        Some(source) => diligence_advisory::AdvisoryDb::load_source(source),
        None => diligence_advisory::AdvisoryDb::open_cache(),
    };
    opened.map_err(|e| {
        let mut ne = diligence_advisory::not_evaluated(&e);
        if db.is_none() {
            ne.why.push_str(" (or --no-advisories to skip)");
        }
        ne
    })
}

/// A registry client for the npm configuration, caching in the default cache folder.
/// `offline`: cache only; `prefer_offline`: cache first; `network`: `--refresh`,
/// `--max-age`, `--fetch-timeout`. Errors: a bad `cafile`/proxy.
pub(crate) fn registry_client(
    offline: bool,
    prefer_offline: bool,
    npm: NpmConfig,
    network: &NetworkArgs,
) -> Result<RegistryClient> {
    let mode = if offline {
        Mode::Offline
    } else if prefer_offline {
        Mode::PreferOffline
    } else {
        Mode::Online
    };
    let defaults = ClientOptions::default();
    let packument_max_age = if network.refresh {
        std::time::Duration::ZERO
    } else {
        network.max_age.unwrap_or(defaults.packument_max_age)
    };
    let options = ClientOptions {
        mode,
        packument_max_age,
        deadline: network.fetch_timeout.unwrap_or(defaults.deadline),
        ..defaults
    };
    Ok(RegistryClient::new(
        npm,
        Cache::default_location(),
        options,
    )?)
}

/// Prints what the project `.npmrc` asked for and was refused (credentials, `${VAR}`s,
/// TLS/proxy changes) as `warning:` lines on stderr; never a value.
pub(crate) fn warn_config(npm: &NpmConfig) {
    for w in &npm.warnings {
        anstream::eprintln!("warning: {w}");
    }
}

/// Writes `report` in `format` to `output` (a file, created or truncated) or to stdout.
/// Errors: the output file cannot be written (one line naming it).
pub(crate) fn write_report(
    report: &Report,
    format: ReportFormat,
    fail_on: Severity,
    output: Option<&Path>,
) -> Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    match format {
        ReportFormat::Human => diligence_report::human::write(report, fail_on, &mut buf)?,
        ReportFormat::Json => diligence_report::json::write(report, &mut buf)?,
        ReportFormat::Sarif => {
            diligence_report::sarif::write(report, &super::rules::all_rules(), &mut buf)?
        }
        ReportFormat::Markdown => diligence_report::markdown::write(report, fail_on, &mut buf)?,
        ReportFormat::Html => diligence_report::html::write(report, fail_on, &mut buf)?,
        ReportFormat::Github => diligence_report::github::write(report, fail_on, &mut buf)?,
    }
    match output {
        // A file gets no colour codes, whatever the terminal.
        Some(path) => std::fs::write(path, anstream::adapter::strip_bytes(&buf).into_vec())
            .with_context(|| format!("{}: cannot write the report", path.display()))?,
        None => {
            let mut stdout = anstream::stdout();
            stdout.write_all(&buf)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// The lockfile rules' policy: defaults, the `.npmrc` registry and scope registries, then
/// diligence.toml's `allowed-hosts`, `allowed-schemes` and `[scope-registries]`.
pub(crate) fn lockfile_policy(
    policy: &Policy,
    npm: &NpmConfig,
) -> diligence_lockfile_rules::LockfilePolicy {
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
pub(crate) fn metadata_policy(
    policy: &Policy,
    project_dir: &Path,
) -> Result<diligence_metadata::MetadataPolicy> {
    let mut m = diligence_metadata::MetadataPolicy::default()
        .with_npmrc(project_dir)
        .map_err(|why| anyhow::anyhow!(why))?;
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
