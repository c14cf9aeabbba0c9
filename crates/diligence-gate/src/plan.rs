//! Working out what an install would change, without installing: copy the project (without
//! `node_modules`, `.git` and package caches) into a temporary folder, run the package
//! manager's lockfile-only command there ([`PackageManager::plan_command`]; no lifecycle
//! scripts run, no `node_modules` is written), and read both lockfiles with
//! `diligence-lockfile`. The engine reviews the change from the old lockfile to the planned
//! one exactly as `diligence diff` reviews a pull request.
//!
//! The planned lockfile is read once: its bytes are hashed (SHA-256) and parsed from the same
//! buffer, so what the engine vets is exactly the file [`Planned::apply`] later writes into
//! the project. `apply` refuses when the planned file (or the project's copy of it, once
//! written) no longer has the vetted hash; the install then runs frozen from it
//! ([`PackageManager::frozen_install_command`]: `npm ci`, `pnpm install --frozen-lockfile`, …)
//! so the package manager cannot resolve anything the gate did not see.

use crate::GateError;
use crate::pm::PackageManager;
use diligence_graph::DependencyGraph;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

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
    /// The planning folder, the files the plan wrote there and the vetted lockfile's hash.
    pub planned: Planned,
}

/// The files a planning run wrote (the lockfile, `package.json` when packages were named),
/// kept in the planning folder until [`Planned::apply`] writes them into the project.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The planning folder (removed when the last clone is dropped).
    work: Arc<tempfile::TempDir>,
    /// The package manager (its lockfile name and frozen install).
    pub pm: PackageManager,
    /// Paths relative to the project of the files the plan added or changed, sorted.
    pub changed: Vec<PathBuf>,
    /// Lowercase hex SHA-256 of the planned lockfile's bytes: the bytes the engine parsed.
    pub lockfile_sha256: String,
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Planned {
    /// The planning folder.
    pub fn work_dir(&self) -> &Path {
        self.work.path()
    }

    /// Writes the planned files into `project` (each through a temporary file and a rename),
    /// after checking that the planned lockfile still has the vetted hash, and checks the
    /// project's lockfile afterwards. Errors: [`GateError::Changed`] when either hash
    /// differs (the install must not run: exit 2), [`GateError::Project`] on an I/O error.
    pub fn apply(&self, project: &Path) -> Result<(), GateError> {
        let lockfile = self.pm.lockfile();
        self.verify(&self.work.path().join(lockfile))?;
        for rel in &self.changed {
            let from = self.work.path().join(rel);
            let to = project.join(rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| GateError::io(parent, e))?;
            }
            let mut staged = to.clone().into_os_string();
            staged.push(".diligence-new");
            let staged = PathBuf::from(staged);
            std::fs::copy(&from, &staged).map_err(|e| GateError::io(&from, e))?;
            std::fs::rename(&staged, &to).map_err(|e| GateError::io(&to, e))?;
        }
        self.verify(&project.join(lockfile))
    }

    /// Checks that the file at `path` has the vetted lockfile hash.
    pub fn verify(&self, path: &Path) -> Result<(), GateError> {
        let bytes = std::fs::read(path).map_err(|e| GateError::io(path, e))?;
        let now = sha256_hex(&bytes);
        if now != self.lockfile_sha256 {
            return Err(GateError::Changed {
                path: path.display().to_string(),
                vetted: self.lockfile_sha256.clone(),
                now,
            });
        }
        Ok(())
    }
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
    let planned_path = work.path().join(pm.lockfile());
    if !planned_path.is_file() {
        return Err(GateError::Plan {
            command,
            why: format!("it wrote no {}", pm.lockfile()),
        });
    }
    let (mut after, lockfile_sha256) = read_hashed(&planned_path)?;
    // Findings point at the project's lockfile, not the temporary copy.
    after.lockfile.path = project.join(pm.lockfile());
    let mut changed = Vec::new();
    changed_files(work.path(), project, Path::new(""), &mut changed)?;
    changed.sort();
    Ok(Plan {
        before,
        after,
        command,
        planned: Planned {
            work: Arc::new(work),
            pm,
            changed,
            lockfile_sha256,
        },
    })
}

/// Reads the lockfile at `path` once: its graph parsed from the bytes read and their SHA-256.
fn read_hashed(path: &Path) -> Result<(DependencyGraph, String), GateError> {
    let (graph, bytes) =
        diligence_lockfile::read_lockfile_with_bytes(path).map_err(|e| GateError::Project {
            path: path.display().to_string(),
            why: e.to_string(),
        })?;
    Ok((graph, sha256_hex(&bytes)))
}

/// The regular files under `work/rel` that `project/rel` lacks or holds with other bytes
/// (skipping the folders [`copy_project`] skips), as paths relative to the project.
fn changed_files(
    work: &Path,
    project: &Path,
    rel: &Path,
    out: &mut Vec<PathBuf>,
) -> Result<(), GateError> {
    let dir = work.join(rel);
    let entries = std::fs::read_dir(&dir).map_err(|e| GateError::io(&dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| GateError::io(&dir, e))?;
        let kind = entry
            .file_type()
            .map_err(|e| GateError::io(&entry.path(), e))?;
        let name = entry.file_name();
        let child = rel.join(&name);
        if kind.is_dir() {
            let yarn_cache = name == "cache" && rel.file_name().is_some_and(|f| f == ".yarn");
            if yarn_cache || SKIPPED_DIRS.iter().any(|s| name == *s) {
                continue;
            }
            changed_files(work, project, &child, out)?;
        } else if kind.is_file() {
            // Sizes first: only files of equal length are read and compared.
            let planned_len = entry
                .metadata()
                .map_err(|e| GateError::io(&entry.path(), e))?
                .len();
            let now = project.join(&child);
            let same = std::fs::metadata(&now).is_ok_and(|m| m.is_file() && m.len() == planned_len)
                && {
                    let planned =
                        std::fs::read(entry.path()).map_err(|e| GateError::io(&entry.path(), e))?;
                    std::fs::read(&now).is_ok_and(|bytes| bytes == planned)
                };
            if !same {
                out.push(child);
            }
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan that wrote `package-lock.json` and `package.json` into a planning folder.
    fn planned(lockfile: &str) -> Planned {
        let work = tempfile::tempdir().unwrap();
        std::fs::write(work.path().join("package-lock.json"), lockfile).unwrap();
        std::fs::write(work.path().join("package.json"), "{\"name\":\"app\"}\n").unwrap();
        Planned {
            work: Arc::new(work),
            pm: PackageManager::Npm,
            changed: vec!["package-lock.json".into(), "package.json".into()],
            lockfile_sha256: sha256_hex(lockfile.as_bytes()),
        }
    }

    #[test]
    fn apply_writes_exactly_the_vetted_files() {
        let project = tempfile::tempdir().unwrap();
        let plan = planned("{\"lockfileVersion\":3}\n");
        plan.apply(project.path()).unwrap();
        let written = std::fs::read(project.path().join("package-lock.json")).unwrap();
        assert_eq!(sha256_hex(&written), plan.lockfile_sha256);
        assert_eq!(
            std::fs::read_to_string(project.path().join("package.json")).unwrap(),
            "{\"name\":\"app\"}\n"
        );
        plan.verify(&project.path().join("package-lock.json"))
            .unwrap();
        // Nothing staged is left behind.
        assert!(
            !project
                .path()
                .join("package-lock.json.diligence-new")
                .exists()
        );
    }

    #[test]
    fn a_lockfile_changed_after_vetting_is_refused() {
        // Changed in the planning folder before it is written: nothing reaches the project.
        let project = tempfile::tempdir().unwrap();
        let plan = planned("{\"lockfileVersion\":3}\n");
        std::fs::write(plan.work_dir().join("package-lock.json"), "{}\n").unwrap();
        let e = plan.apply(project.path()).unwrap_err();
        assert!(matches!(e, GateError::Changed { .. }), "{e}");
        assert!(!project.path().join("package-lock.json").exists());
        assert!(!project.path().join("package.json").exists());
        // Changed in the project after it was written: the last check before the install.
        let plan = planned("{\"lockfileVersion\":3}\n");
        plan.apply(project.path()).unwrap();
        let path = project.path().join("package-lock.json");
        std::fs::write(&path, "{\"lockfileVersion\":3} \n").unwrap();
        let e = plan.verify(&path).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "{}: changed after it was vetted (sha256 {}, vetted {}); not installing",
                path.display(),
                sha256_hex(b"{\"lockfileVersion\":3} \n"),
                plan.lockfile_sha256
            )
        );
    }
}
