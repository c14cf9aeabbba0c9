//! `diligence check <spec>…`: vet packages before adding them. Each spec (`name`,
//! `name@range`, `name@tag`) is resolved through its packument with npm's semantics, then the
//! version and its whole dependency closure (resolved from packuments the way npm builds its
//! tree: optional peers left out, optional packages of other platforms skipped unless
//! `--all-platforms`) are vetted: packument metadata rules and typosquat (a spec that does not
//! resolve gets "did you mean …?"), OSV advisories, static analysis of each verified tarball.
//!
//! Exit codes: 2 when anything could not be evaluated (a spec that does not resolve, a
//! dependency without a packument, no advisory data); else 1 when a finding is at or above
//! `--fail-on`; else 0.

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use diligence_finding::{Finding, NotEvaluated, Report, Severity, Target};
use diligence_gate::{Advisories, Spec, VetOptions, VetTarget, Vetting};
use diligence_registry::{NpmConfig, RegistryClient};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Arguments of `diligence check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Package specs: `name`, `name@range`, `name@tag`, `@scope/name@version`.
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<String>,
    #[command(flatten)]
    pub vet: VetArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Vet the optional packages of every platform (the lockfile's set), not only those this
    /// machine would install.
    #[arg(long)]
    pub all_platforms: bool,
}

/// Vetting switches shared by `check` and `install`.
#[derive(Debug, Args, Clone)]
pub struct VetArgs {
    /// Folder whose `.npmrc` (registry, scopes, credentials) applies.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Findings at or above this severity fail the check (exit 1) or stop the install.
    #[arg(long, value_name = "SEVERITY", default_value = "high", value_parser = parse_severity)]
    pub fail_on: Severity,
    /// Advisory source (folder of OSV JSON, a .zip export, a record, or a URL) instead of the
    /// local database.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Skip the advisory check (otherwise missing advisory data means not vetted).
    #[arg(long)]
    pub no_advisories: bool,
    /// Skip the static analysis of tarballs.
    #[arg(long)]
    pub no_code: bool,
    /// Use cached packuments and tarballs first; the network only for what is missing.
    #[arg(long)]
    pub prefer_offline: bool,
    #[command(flatten)]
    pub network: crate::cli::NetworkArgs,
}

/// Report formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

pub fn run(args: CheckArgs) -> Result<u8> {
    let client = registry_client(&args.vet)?;
    let mut not_evaluated = Vec::new();
    let mut specs = Vec::new();
    for raw in &args.specs {
        match Spec::parse(raw) {
            Ok(s) => specs.push(s),
            Err(e) => not_evaluated.push(NotEvaluated {
                what: format!("spec {raw}"),
                why: e.to_string(),
            }),
        }
    }
    let closure_opts = diligence_gate::ClosureOptions {
        platform: (!args.all_platforms).then(diligence_gate::Platform::current),
    };
    let closure = diligence_gate::resolve_closure_with(&client, &specs, &closure_opts);
    let targets: Vec<VetTarget> = closure.packages.iter().map(VetTarget::from).collect();
    let roots: Vec<String> = closure
        .packages
        .iter()
        .filter(|p| p.depth == 0)
        .map(|p| p.id())
        .collect();
    let label = if roots.is_empty() {
        args.specs.join(" ")
    } else {
        roots.join(" ")
    };
    let mut opts = vet_options(&args.vet, label.clone())?;
    opts.requested = specs.iter().map(|s| s.name.clone()).collect();
    let mut vetting = diligence_gate::vet(&targets, &closure.packuments, &client, &opts);
    // A spec that does not resolve is where a user mistyped: "did you mean …?"
    let unresolved = diligence_gate::unresolved_requests(&client, &specs, &closure);
    vetting
        .findings
        .extend(diligence_metadata::check_requested_names(
            &unresolved,
            &opts.policy.typosquat_allowlist,
        ));
    not_evaluated.extend(closure.not_evaluated);
    let report = report(label, targets.len(), vetting, not_evaluated);
    let mut out = anstream::stdout();
    match args.format {
        ReportFormat::Human => diligence_report::human::write(&report, args.vet.fail_on, &mut out)?,
        ReportFormat::Json => diligence_report::json::write(&report, &mut out)?,
    }
    Ok(report.exit_code(args.vet.fail_on) as u8)
}

/// A report of a vetting: the gaps that block (`unvetted`) first, then the rule-level ones,
/// grouped per check and reason as `audit` does.
pub(crate) fn report(
    label: String,
    packages: usize,
    vetting: Vetting,
    mut not_evaluated: Vec<NotEvaluated>,
) -> Report {
    not_evaluated.extend(vetting.unvetted);
    not_evaluated.extend(vetting.not_evaluated);
    let not_evaluated = super::audit::group_not_evaluated(not_evaluated);
    let findings: Vec<Finding> = vetting.findings;
    let target = Target {
        path: label,
        lockfile: None,
    };
    Report::new(target, packages, findings, not_evaluated)
}

/// The registry client for the `.npmrc` of `--dir`, caching in the default cache. Every
/// packument is asked for once per run (ranges and dist-tags must be current).
pub(crate) fn registry_client(args: &VetArgs) -> Result<RegistryClient> {
    let config = NpmConfig::load_allowing(&args.dir, &args.network.allow_project_credentials)
        .with_context(|| "reading npm configuration")?;
    super::wiring::warn_config(&config);
    let network = crate::cli::NetworkArgs {
        refresh: true,
        ..args.network.clone()
    };
    super::wiring::registry_client(false, args.prefer_offline, config, &network)
}

/// The vetting options: advisory database (or why it is unavailable), metadata policy from
/// the `.npmrc` of `--dir`, code analysis unless `--no-code`.
pub(crate) fn vet_options(args: &VetArgs, label: String) -> Result<VetOptions> {
    let advisories = if args.no_advisories {
        Advisories::Skipped
    } else {
        match super::wiring::open_advisories(args.db.as_deref()) {
            Ok(db) => Advisories::Db(db),
            Err(ne) => Advisories::Unavailable(ne),
        }
    };
    let policy = diligence_metadata::MetadataPolicy::default()
        .with_npmrc(Path::new(&args.dir))
        .map_err(anyhow::Error::msg)?;
    Ok(VetOptions {
        advisories,
        code: !args.no_code,
        policy,
        now: SystemTime::now(),
        label,
        requested: Vec::new(),
    })
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}
