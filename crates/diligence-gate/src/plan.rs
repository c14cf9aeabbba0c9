//! Working out what an install would add, without installing: copy the project (without
//! `node_modules`, `.git` and package caches) into a temporary folder, run the package
//! manager's lockfile-only command there ([`PackageManager::plan_command`]; no lifecycle
//! scripts run, no `node_modules` is written), read both lockfiles with
//! `diligence-lockfile` and diff them.
//!
//! Added = registry `name@version`s in the new lockfile that the old one did not lock. A new
//! non-registry source (git, URL, file) cannot be vetted from a packument and is reported as
//! unvetted.

use crate::GateError;
use crate::pm::PackageManager;
use crate::vet::VetTarget;
use diligence_finding::NotEvaluated;
use diligence_graph::{DependencyGraph, Source};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};

/// Folders never copied into the planning folder (and yarn berry's `.yarn/cache`).
const SKIPPED_DIRS: &[&str] = &["node_modules", ".git", ".pnpm-store"];

/// What an install would change.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Registry packages the install would add (new `name@version`s), sorted.
    pub added: Vec<VetTarget>,
    /// New packages from sources the gate cannot vet.
    pub unvetted: Vec<NotEvaluated>,
    /// Number of packages in the new lockfile.
    pub packages_after: usize,
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
    let after = read_graph(work.path(), pm)?.ok_or_else(|| GateError::Plan {
        command: command.clone(),
        why: format!("it wrote no {}", pm.lockfile()),
    })?;
    Ok(diff(before.as_ref(), &after, command))
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

/// Registry packages and other sources in `after` that `before` does not have.
pub fn diff(before: Option<&DependencyGraph>, after: &DependencyGraph, command: String) -> Plan {
    let old: BTreeSet<(&str, &str, &str)> = before
        .map(|g| {
            g.packages
                .iter()
                .map(|p| (p.name.as_str(), p.version.as_str(), p.source.kind()))
                .collect()
        })
        .unwrap_or_default();
    let mut added = BTreeMap::new();
    let mut unvetted = BTreeSet::new();
    for p in &after.packages {
        if old.contains(&(p.name.as_str(), p.version.as_str(), p.source.kind())) {
            continue;
        }
        match &p.source {
            Source::Registry { .. } => {
                added
                    .entry((p.name.clone(), p.version.clone()))
                    .or_insert_with(|| p.integrity.clone());
            }
            Source::Workspace { .. } | Source::Link { .. } => {}
            other => {
                unvetted.insert((p.id_string(), other.resolved().unwrap_or_default()));
            }
        }
    }
    Plan {
        added: added
            .into_iter()
            .map(|((name, version), integrity)| VetTarget {
                name,
                version,
                integrity,
                required_by: None,
            })
            .collect(),
        unvetted: unvetted
            .into_iter()
            .map(|(id, from)| NotEvaluated {
                what: format!("code of {id}"),
                why: format!("not from the registry ({from}): the gate cannot vet it"),
            })
            .collect(),
        packages_after: after.packages.len(),
        command,
    }
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
