//! `diligence install [--pm npm|pnpm|yarn|bun] <args>…`: the install gate.
//!
//! 1. Detect the package manager (`--pm`, `packageManager`, the lockfile present, else npm).
//! 2. The engine plans the install (the package manager's lockfile-only run in a temporary
//!    copy of the project, scripts off) and reviews the planned lockfile against the current
//!    one exactly as `diff` reviews a pull request. The report goes to stderr (or `--output`).
//! 3. Decide: anything unvetted refuses (exit 2) unless `--force-unvetted`; findings at or
//!    above `--fail-on` ask on a terminal (default no), refuse without one (exit 1) unless
//!    `--yes`.
//! 4. Write the vetted plan into the project (the planned lockfile, and `package.json` when
//!    packages were named), checking that the lockfile still has the SHA-256 that was vetted,
//!    then run the package manager's frozen install from it (`npm ci`, `pnpm install
//!    --frozen-lockfile`, `yarn install --immutable`, `bun install --frozen-lockfile`; no
//!    shell) and exit with its status. The package manager cannot resolve again, so a
//!    dist-tag moved since the plan installs nothing new. A lockfile that changed after it
//!    was vetted refuses with exit 2.

use super::common;
use crate::cli::{InstallArgs, PmArg};
use anyhow::{Context, Result};
use diligence_engine::{Command, Engine, Input};
use diligence_gate::{Decision, GateOptions, PackageManager, RefuseReason};
use diligence_report::human::terminal_safe as safe;
use std::io::IsTerminal;

fn package_manager(pm: PmArg) -> PackageManager {
    match pm {
        PmArg::Npm => PackageManager::Npm,
        PmArg::Pnpm => PackageManager::Pnpm,
        PmArg::Yarn => PackageManager::Yarn,
        PmArg::Bun => PackageManager::Bun,
    }
}

pub fn run(args: InstallArgs) -> Result<u8> {
    let project = args.dir.clone();
    let detected = diligence_gate::detect(&project, args.pm.map(package_manager))?;
    let pm = detected.pm;
    anstream::eprintln!("diligence: {} ({})", pm.program(), detected.because);
    for flag in own_flags_after_package(&args.args) {
        anstream::eprintln!(
            "diligence: warning: `{flag}` comes after the package, so it goes to {} unchanged; \
             put diligence's own flags before the package (`diligence install {flag} …`)",
            pm.program()
        );
    }
    let mut settings = common::settings(Command::Install, &project, &args.report, &args.sources);
    settings.node = common::node_version();
    let run = Engine::new(settings)?.run(Input::install(&project, pm, &args.args))?;
    if let Some(command) = &run.plan_command {
        anstream::eprintln!(
            "diligence: `{command}` would add or change {} registry package(s)",
            run.planned_packages
        );
    }
    common::print_warnings(&run);
    let mut buf = Vec::new();
    common::render(&run.report, args.report.format, run.fail_on, &mut buf)?;
    common::emit(&buf, args.report.output.as_deref(), common::Stream::Stderr)?;
    let opts = GateOptions {
        fail_on: run.fail_on,
        yes: args.yes,
        force_unvetted: args.force_unvetted,
        interactive: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
    };
    if let Some(code) = refused(diligence_gate::decide(&run.report, &opts)) {
        return Ok(code);
    }
    // Rule-level gaps (one rule about one package) do not block (see diligence_gate::decide);
    // say so, with each one's reason, since the report above said NOT EVALUATED and `check`
    // exits 2 on the same records.
    if diligence_gate::unvetted(&run.report) == 0 {
        for ne in run
            .report
            .not_evaluated
            .iter()
            .filter(|ne| ne.rule().is_some())
        {
            anstream::eprintln!(
                "diligence: not blocking: {} was not evaluated ({})",
                safe(&ne.what),
                safe(&ne.why)
            );
        }
    }
    let Some(planned) = &run.planned else {
        // Only reached with --force-unvetted after a failed plan: there is no vetted
        // lockfile to install from, so the user's own command runs, as they asked.
        anstream::eprintln!(
            "diligence: no vetted lockfile (--force-unvetted): running the package manager unfrozen"
        );
        return exec(pm, &pm.install_command(&args.args), &project);
    };
    if let Err(e) = planned.apply(&project) {
        anstream::eprintln!("diligence: {e}");
        return Ok(2);
    }
    let argv = pm.frozen_install_command(&args.args);
    anstream::eprintln!(
        "diligence: installing the vetted {} (sha256 {}) with `{} {}`",
        pm.lockfile(),
        planned.lockfile_sha256,
        pm.program(),
        argv.join(" ")
    );
    exec(pm, &argv, &project)
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

/// Runs the package manager with `argv`, in the project folder, and returns its exit status
/// (1 when it was killed by a signal).
fn exec(pm: PackageManager, argv: &[String], project: &std::path::Path) -> Result<u8> {
    let status = std::process::Command::new(pm.program())
        .args(argv)
        .current_dir(project)
        .status()
        .with_context(|| format!("cannot start {}", pm.program()))?;
    Ok(status.code().map_or(1, |c| c.clamp(0, 255) as u8))
}

/// The long flags of `diligence install` itself among the package manager's arguments (which
/// start at the first non-flag word, so `install lodash --no-metadata` passes `--no-metadata`
/// on to npm).
fn own_flags_after_package(args: &[String]) -> Vec<String> {
    use clap::CommandFactory;
    let cli = crate::cli::Cli::command();
    let Some(install) = cli.find_subcommand("install") else {
        return Vec::new();
    };
    let longs: Vec<&str> = install
        .get_arguments()
        .filter_map(|a| a.get_long())
        .collect();
    args.iter()
        .filter_map(|a| {
            let name = a.strip_prefix("--")?.split('=').next()?;
            longs.contains(&name).then(|| format!("--{name}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::own_flags_after_package;

    #[test]
    fn diligence_flags_after_the_package_are_named() {
        let args: Vec<String> = ["is-number", "--no-metadata", "--save-dev", "--fail-on=low"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            own_flags_after_package(&args),
            ["--no-metadata", "--fail-on"]
        );
        assert!(own_flags_after_package(&["lodash".into(), "--save-exact".into()]).is_empty());
    }
}
