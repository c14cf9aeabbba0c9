//! `diligence audit`: the project's lockfile through every layer of the engine (lockfile
//! rules, advisories, registry cross-checks, `--metadata` packument rules, code, posture),
//! then one report. See `diligence_engine` for what each layer does and how it fails closed.
//!
//! `audit -r DIR` audits every project below DIR (each folder holding a lockfile) with the
//! same flags, one report per project, headed by its folder.

use super::common;
use crate::cli::{AuditArgs, ReportFormat};
use anyhow::{Result, bail};
use diligence_engine::{Command, Engine, Input};
use diligence_report::escape::{markdown_code, terminal_safe};
use std::path::{Path, PathBuf};

pub fn run(args: AuditArgs) -> Result<u8> {
    if args.recursive {
        return recursive(&args);
    }
    let input = Input::lockfile(&args.project.dir, args.project.lockfile.as_deref())?;
    let settings = common::settings(
        Command::Audit,
        input.project_dir(),
        &args.report,
        &args.sources,
    );
    let run = Engine::new(settings)?.run(input)?;
    common::print_warnings(&run);
    common::write_report(&run, &args.report)?;
    Ok(run.exit_code())
}

/// Folders below `root` deeper than this are not searched.
const MAX_DEPTH: usize = 32;

/// `audit -r`: each project below `args.project.dir`, one report after another. A project
/// that cannot be evaluated (two lockfiles in one folder, an unreadable lockfile, a bad
/// `diligence.toml`) prints one error line naming it and counts as exit 2; the others still
/// run.
fn recursive(args: &AuditArgs) -> Result<u8> {
    let format = args.report.format;
    if !matches!(
        format,
        ReportFormat::Human | ReportFormat::Markdown | ReportFormat::Github
    ) {
        bail!(
            "audit -r writes one report per project: use --format human, markdown or github, or audit each project on its own"
        );
    }
    let root = &args.project.dir;
    let (projects, unreadable) = projects_below(root)?;
    let mut codes = Vec::new();
    // A folder that cannot be listed may hold a project: not evaluated, never skipped.
    for dir in &unreadable {
        anstream::eprintln!(
            "error: {}: cannot read this folder: not evaluated",
            terminal_safe(&dir.display().to_string())
        );
        codes.push(2);
    }
    if projects.is_empty() && unreadable.is_empty() {
        bail!("{}: no lockfile in this folder or below it", root.display());
    }
    let mut out: Vec<u8> = Vec::new();
    // A warning about a shared source (a stale advisory database) is printed once, not once
    // per project.
    let mut warned = std::collections::HashSet::new();
    for dir in &projects {
        let label = dir.display().to_string();
        match format {
            ReportFormat::Human => out.extend(format!("== {}\n", terminal_safe(&label)).bytes()),
            ReportFormat::Markdown => {
                out.extend(format!("### {}\n\n", markdown_code(&label)).bytes())
            }
            _ => {}
        }
        let result = (|| -> Result<diligence_engine::Run> {
            let input = Input::lockfile(dir, None)?;
            let settings = common::settings(
                Command::Audit,
                input.project_dir(),
                &args.report,
                &args.sources,
            );
            Ok(Engine::new(settings)?.run(input)?)
        })();
        match result {
            Ok(run) => {
                common::print_warnings_once(&run, &mut warned);
                common::render(&run.report, format, run.fail_on, &mut out)?;
                codes.push(run.exit_code());
            }
            Err(e) => {
                let msg = format!("{e:#}").replace('\n', " ");
                anstream::eprintln!("error: {}: {}", terminal_safe(&label), terminal_safe(&msg));
                codes.push(2);
            }
        }
        out.push(b'\n');
    }
    common::emit(&out, args.report.output.as_deref(), common::Stream::Stdout)?;
    Ok(combined_exit_code(&codes))
}

/// 1 when any project has findings at or above the threshold, else 2 when any could not be
/// evaluated, else 0 (the order of a single report's exit code).
fn combined_exit_code(codes: &[u8]) -> u8 {
    if codes.contains(&1) {
        1
    } else if codes.contains(&2) {
        2
    } else {
        0
    }
}

/// The folders at or below `root` that hold a lockfile, sorted, and the folders below it that
/// could not be listed. Symbolic links are not followed; `node_modules` and hidden folders
/// (`.git`, `.yarn`, …) are skipped. Errors: `root` cannot be read.
type Found = (Vec<PathBuf>, Vec<PathBuf>);

fn projects_below(root: &Path) -> Result<Found> {
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if dir == root => bail!("{}: cannot read: {e}", root.display()),
            Err(_) => continue,
        };
        let mut has_lockfile = false;
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_file() && diligence_lockfile::LOCKFILE_NAMES.contains(&name.as_ref()) {
                has_lockfile = true;
            } else if kind.is_dir()
                && depth < MAX_DEPTH
                && name != "node_modules"
                && !name.starts_with('.')
            {
                stack.push((entry.path(), depth + 1));
            }
        }
        if has_lockfile {
            found.push(dir);
        }
    }
    found.sort();
    unreadable.sort();
    Ok((found, unreadable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_combine_findings_first() {
        assert_eq!(combined_exit_code(&[0, 2, 1]), 1);
        assert_eq!(combined_exit_code(&[0, 2]), 2);
        assert_eq!(combined_exit_code(&[0, 0]), 0);
    }

    #[test]
    fn projects_skip_node_modules_and_hidden_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for dir in ["a", "b/c", "a/node_modules/x", ".git/y", "d"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            "a/package-lock.json",
            "b/c/yarn.lock",
            "a/node_modules/x/package-lock.json",
            ".git/y/pnpm-lock.yaml",
            "d/package.json",
        ] {
            std::fs::write(root.join(file), "").unwrap();
        }
        assert_eq!(
            projects_below(root).unwrap(),
            (vec![root.join("a"), root.join("b/c")], vec![])
        );
    }
}
