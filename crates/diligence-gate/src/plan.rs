//! Working out what an install would change, without installing: copy the project (without
//! `node_modules`, `.git` and package caches) into a temporary folder, run the package
//! manager's lockfile-only command there ([`PackageManager::plan_command`]; no lifecycle
//! scripts run, no `node_modules` is written), and read both lockfiles with
//! `diligence-lockfile`. The engine reviews the change from the old lockfile to the planned
//! one exactly as `diligence diff` reviews a pull request.

use crate::GateError;
use crate::pm::PackageManager;
use diligence_graph::DependencyGraph;
use std::path::Path;
use std::process::{Command, Stdio};

/// Folders never copied into the planning folder (and yarn berry's `.yarn/cache`).
const SKIPPED_DIRS: &[&str] = &["node_modules", ".git", ".pnpm-store"];

/// What an install would change: the lockfile before and after.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The project's lockfile now; `None` when it has none yet.
    pub before: Option<DependencyGraph>,
    /// The lockfile the package manager wrote in the planning copy.
    pub after: DependencyGraph,
    /// The planning command line, for messages (`npm install --package-lock-only …`).
    pub command: String,
}

/// Plans `pm <args>` for the project in `project`. Errors: the project cannot be copied, the
/// package manager cannot be started or exits non-zero (its last stderr line is quoted), or the
/// lockfile it writes cannot be read.
pub fn plan(project: &Path, pm: PackageManager, args: &[String]) -> Result<Plan, GateError> {
    let work = tempfile::Builder::new()
        .prefix("diligence-plan-")
        .tempdir()
        .map_err(|e| GateError::io(Path::new("temporary folder"), e))?;
    copy_project(project, work.path())?;
    let before = read_graph(project, pm)?;
    let argv = pm.plan_command(args);
    let command = format!("{} {}", pm.program(), argv.join(" "));
    let output = Command::new(pm.program())
        .args(&argv)
        .current_dir(work.path())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GateError::Plan {
            command: command.clone(),
            why: format!("cannot start {}: {e}", pm.program()),
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(GateError::Plan {
            command,
            why: format!("{} ({})", output.status, last.trim()),
        });
    }
    let mut after = read_graph(work.path(), pm)?.ok_or_else(|| GateError::Plan {
        command: command.clone(),
        why: format!("it wrote no {}", pm.lockfile()),
    })?;
    // Findings point at the project's lockfile, not the temporary copy.
    after.lockfile.path = project.join(pm.lockfile());
    Ok(Plan {
        before,
        after,
        command,
    })
}

/// The project's lockfile graph, `None` when the project has no lockfile yet.
fn read_graph(dir: &Path, pm: PackageManager) -> Result<Option<DependencyGraph>, GateError> {
    let path = dir.join(pm.lockfile());
    if !path.is_file() {
        return Ok(None);
    }
    diligence_lockfile::read_lockfile(&path)
        .map(Some)
        .map_err(|e| GateError::Project {
            path: path.display().to_string(),
            why: e.to_string(),
        })
}

/// Copies `from` into `to`: regular files and folders only (symlinks are not followed), without
/// [`SKIPPED_DIRS`] and `.yarn/cache`.
fn copy_project(from: &Path, to: &Path) -> Result<(), GateError> {
    let entries = std::fs::read_dir(from).map_err(|e| GateError::io(from, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| GateError::io(from, e))?;
        let kind = entry
            .file_type()
            .map_err(|e| GateError::io(&entry.path(), e))?;
        let name = entry.file_name();
        let target = to.join(&name);
        if kind.is_dir() {
            let yarn_cache = name == "cache" && from.file_name().is_some_and(|f| f == ".yarn");
            if yarn_cache || SKIPPED_DIRS.iter().any(|s| name == *s) {
                continue;
            }
            std::fs::create_dir(&target).map_err(|e| GateError::io(&target, e))?;
            copy_project(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).map_err(|e| GateError::io(&entry.path(), e))?;
        }
    }
    Ok(())
}
