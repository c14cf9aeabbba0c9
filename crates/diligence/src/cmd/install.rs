//! `diligence install [--pm npm|pnpm|yarn|bun] <args>…`: the install gate.
//!
//! 1. Detect the package manager (`--pm`, `packageManager`, the lockfile present, else npm).
//! 2. Work out what the install would add: the package manager's lockfile-only run in a
//!    temporary copy of the project (scripts off), diffed against the current lockfile.
//! 3. Vet the added packages (metadata, advisories, code) and print the report on stderr.
//! 4. Decide: anything unvetted refuses (exit 2) unless `--force-unvetted`; findings at or
//!    above `--fail-on` ask on a terminal (default no), refuse without one (exit 1) unless
//!    `--yes`.
//! 5. Run `<pm> install|add <args>…` with the user's arguments unchanged (no shell) and exit
//!    with its status.

use crate::cmd::check::{VetArgs, registry_client, report, vet_options};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use diligence_finding::NotEvaluated;
use diligence_gate::{Decision, GateOptions, PackageManager, RefuseReason, Vetting};
use std::io::IsTerminal;
use std::process::Command;

/// Arguments of `diligence install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// Package manager (default: `packageManager` in package.json, else the lockfile present,
    /// else npm).
    #[arg(long, value_enum, value_name = "PM")]
    pub pm: Option<Pm>,
    /// Install even when findings reach --fail-on (no question asked).
    #[arg(long)]
    pub yes: bool,
    /// Install even when vetting could not be done (unreachable registry, no advisory data).
    #[arg(long)]
    pub force_unvetted: bool,
    #[command(flatten)]
    pub vet: VetArgs,
    /// Arguments for the package manager, passed unchanged (e.g. `lodash --save-dev`).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub args: Vec<String>,
}

/// `--pm` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Pm {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

impl From<Pm> for PackageManager {
    fn from(pm: Pm) -> PackageManager {
        match pm {
            Pm::Npm => PackageManager::Npm,
            Pm::Pnpm => PackageManager::Pnpm,
            Pm::Yarn => PackageManager::Yarn,
            Pm::Bun => PackageManager::Bun,
        }
    }
}

pub fn run(args: InstallArgs) -> Result<u8> {
    let project = args.vet.dir.clone();
    let detected = diligence_gate::detect(&project, args.pm.map(Into::into))?;
    let pm = detected.pm;
    anstream::eprintln!("diligence: {} ({})", pm.program(), detected.because);
    let (vetting, packages, label) = match diligence_gate::plan(&project, pm, &args.args) {
        Ok(plan) => {
            let label = plan.command.clone();
            anstream::eprintln!(
                "diligence: `{}` would add {} registry package(s)",
                plan.command,
                plan.added.len()
            );
            let client = registry_client(&args.vet)?;
            let mut opts = vet_options(&args.vet, label.clone())?;
            opts.requested = requested_specs(&args.args)
                .into_iter()
                .map(|s| s.name)
                .collect();
            let empty = Default::default();
            let mut vetting = diligence_gate::vet(&plan.added, &empty, &client, &opts);
            vetting.unvetted.extend(plan.unvetted);
            (vetting, plan.added.len(), label)
        }
        Err(e) => {
            let gap = NotEvaluated {
                what: "install plan".into(),
                why: e.to_string(),
            };
            let mut vetting = Vetting {
                unvetted: vec![gap],
                ..Default::default()
            };
            // The plan fails on a name the registry does not have: say what was meant.
            vetting.findings = mistyped(&args)?;
            (
                vetting,
                0,
                format!("{} {}", pm.program(), args.args.join(" ")),
            )
        }
    };
    let opts = GateOptions {
        fail_on: args.vet.fail_on,
        yes: args.yes,
        force_unvetted: args.force_unvetted,
        interactive: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
    };
    let decision = diligence_gate::decide(&vetting, &opts);
    let report = report(label, packages, vetting, Vec::new());
    diligence_report::human::write(&report, args.vet.fail_on, &mut anstream::stderr())?;
    if let Some(code) = refused(decision) {
        return Ok(code);
    }
    exec(pm, &args.args, &project)
}

/// The package specs among the package manager's arguments (options and non-registry specs
/// left out).
fn requested_specs(args: &[String]) -> Vec<diligence_gate::Spec> {
    args.iter()
        .filter(|a| !a.starts_with('-'))
        .filter_map(|a| diligence_gate::Spec::parse(a).ok())
        .collect()
}

/// Typosquat findings for requested names the registry does not have ("did you mean …?").
fn mistyped(args: &InstallArgs) -> Result<Vec<diligence_finding::Finding>> {
    use diligence_gate::PackumentSource;
    let specs = requested_specs(&args.args);
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let client = registry_client(&args.vet)?;
    let policy = diligence_metadata::MetadataPolicy::default()
        .with_npmrc(&args.vet.dir)
        .map_err(anyhow::Error::msg)?;
    let names: Vec<diligence_metadata::RequestedName> = specs
        .iter()
        .map(|s| diligence_metadata::RequestedName {
            spec: s.name.clone(),
            version: None,
            exists: client.exists(&s.name),
        })
        .collect();
    Ok(diligence_metadata::check_requested_names(
        &names,
        &policy.typosquat_allowlist,
    ))
}

/// Applies the decision: `Some(exit code)` when the install must not run.
fn refused(decision: Decision) -> Option<u8> {
    match decision {
        Decision::Proceed => None,
        Decision::Ask { blocking } => {
            let question =
                format!("{blocking} finding(s) at or above the threshold. Install anyway?");
            let mut stdin = std::io::stdin().lock();
            let yes = diligence_gate::confirm(&question, &mut stdin, &mut std::io::stderr());
            if yes {
                return None;
            }
            anstream::eprintln!("diligence: not installed");
            Some(1)
        }
        Decision::Refuse { reason, exit_code } => {
            let why = match reason {
                RefuseReason::Unvetted { gaps } => format!(
                    "{gaps} part(s) could not be vetted; not installing (pass --force-unvetted to install anyway)"
                ),
                RefuseReason::Findings { blocking } => format!(
                    "{blocking} finding(s) at or above the threshold and no terminal to ask; not installing (pass --yes to install anyway)"
                ),
            };
            anstream::eprintln!("diligence: {why}");
            Some(exit_code)
        }
    }
}

/// Runs the package manager with the user's arguments unchanged, in the project folder, and
/// returns its exit status (1 when it was killed by a signal).
fn exec(pm: PackageManager, args: &[String], project: &std::path::Path) -> Result<u8> {
    let argv = pm.install_command(args);
    let status = Command::new(pm.program())
        .args(&argv)
        .current_dir(project)
        .status()
        .with_context(|| format!("cannot start {}", pm.program()))?;
    Ok(status.code().map_or(1, |c| c.clamp(0, 255) as u8))
}
