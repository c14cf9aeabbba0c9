//! Which package manager a project uses, and the command lines the gate runs: the
//! lockfile-only planning run and the real install.
//!
//! Detection order: an explicit choice (`--pm`), then `package.json` `packageManager`
//! (Corepack: `pnpm@9.1.0+sha512…`), then the lockfile present (`package-lock.json` /
//! `npm-shrinkwrap.json`, `pnpm-lock.yaml`, `yarn.lock`, `bun.lock` / `bun.lockb`), else npm
//! (Node's bundled default).

use crate::GateError;
use std::path::Path;

/// A supported package manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageManager {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

impl PackageManager {
    /// The executable name.
    pub fn program(self) -> &'static str {
        match self {
            PackageManager::Npm => "npm",
            PackageManager::Pnpm => "pnpm",
            PackageManager::Yarn => "yarn",
            PackageManager::Bun => "bun",
        }
    }

    /// Parses `npm`, `pnpm`, `yarn` or `bun`.
    pub fn from_name(name: &str) -> Option<PackageManager> {
        match name {
            "npm" => Some(PackageManager::Npm),
            "pnpm" => Some(PackageManager::Pnpm),
            "yarn" => Some(PackageManager::Yarn),
            "bun" => Some(PackageManager::Bun),
            _ => None,
        }
    }

    /// The lockfile this package manager writes, relative to the project folder.
    pub fn lockfile(self) -> &'static str {
        match self {
            PackageManager::Npm => "package-lock.json",
            PackageManager::Pnpm => "pnpm-lock.yaml",
            PackageManager::Yarn => "yarn.lock",
            PackageManager::Bun => "bun.lock",
        }
    }

    /// The sub-command for `args`: npm always `install`; the others `add` when packages are
    /// named (their `install` takes no package names), else `install`.
    fn verb(self, args: &[String]) -> &'static str {
        let names_packages = args.iter().any(|a| !a.starts_with('-'));
        match self {
            PackageManager::Npm => "install",
            _ if names_packages => "add",
            _ => "install",
        }
    }

    /// The real install: `<pm> <verb> <args…>`, the user's arguments unchanged and in order.
    pub fn install_command(self, args: &[String]) -> Vec<String> {
        let mut argv = vec![self.verb(args).to_string()];
        argv.extend(args.iter().cloned());
        argv
    }

    /// The frozen install from a vetted lockfile: `npm ci`, `pnpm install --frozen-lockfile`,
    /// `yarn install --immutable`, `bun install --frozen-lockfile`: each refuses to install
    /// when the lockfile does not satisfy `package.json` instead of resolving again, so
    /// nothing the gate did not vet (a dist-tag moved since, a newer patch) gets in. Of the
    /// user's arguments only `--ignore-scripts` carries over (the others name packages or
    /// change what the planning run wrote, which is already in the lockfile).
    pub fn frozen_install_command(self, args: &[String]) -> Vec<String> {
        let mut argv: Vec<String> = match self {
            PackageManager::Npm => vec!["ci".into()],
            PackageManager::Pnpm => vec!["install".into(), "--frozen-lockfile".into()],
            PackageManager::Yarn => vec!["install".into(), "--immutable".into()],
            PackageManager::Bun => vec!["install".into(), "--frozen-lockfile".into()],
        };
        if args.iter().any(|a| a == "--ignore-scripts") {
            argv.push("--ignore-scripts".into());
        }
        argv
    }

    /// The planning run: the same command, but writing only the lockfile and running no
    /// lifecycle scripts (npm `--package-lock-only --ignore-scripts`, pnpm `--lockfile-only
    /// --ignore-scripts`, yarn berry `--mode update-lockfile`, bun `--lockfile-only
    /// --ignore-scripts`).
    pub fn plan_command(self, args: &[String]) -> Vec<String> {
        let mut argv = vec![self.verb(args).to_string()];
        let flags: &[&str] = match self {
            PackageManager::Npm => &[
                "--package-lock-only",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
            ],
            PackageManager::Pnpm => &["--lockfile-only", "--ignore-scripts"],
            PackageManager::Yarn => &["--mode", "update-lockfile"],
            PackageManager::Bun => &["--lockfile-only", "--ignore-scripts"],
        };
        argv.extend(flags.iter().map(|f| f.to_string()));
        argv.extend(args.iter().cloned());
        argv
    }
}

/// How the package manager was chosen, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    pub pm: PackageManager,
    /// `--pm`, `packageManager field`, `<lockfile> present` or `default`.
    pub because: String,
}

/// Detects the package manager of `project` (see the module docs). Errors: an unreadable or
/// non-JSON `package.json`, or a `packageManager` naming something else.
pub fn detect(project: &Path, explicit: Option<PackageManager>) -> Result<Detected, GateError> {
    if let Some(pm) = explicit {
        return Ok(Detected {
            pm,
            because: "--pm".into(),
        });
    }
    if let Some(pm) = from_package_json(project)? {
        return Ok(Detected {
            pm,
            because: "packageManager field".into(),
        });
    }
    let lockfiles = [
        ("package-lock.json", PackageManager::Npm),
        ("npm-shrinkwrap.json", PackageManager::Npm),
        ("pnpm-lock.yaml", PackageManager::Pnpm),
        ("yarn.lock", PackageManager::Yarn),
        ("bun.lock", PackageManager::Bun),
        ("bun.lockb", PackageManager::Bun),
    ];
    for (file, pm) in lockfiles {
        if project.join(file).is_file() {
            return Ok(Detected {
                pm,
                because: format!("{file} present"),
            });
        }
    }
    Ok(Detected {
        pm: PackageManager::Npm,
        because: "default".into(),
    })
}

fn from_package_json(project: &Path) -> Result<Option<PackageManager>, GateError> {
    let path = project.join("package.json");
    let bounded = diligence_lockfile::bounded::read_text_bounded(
        &path,
        diligence_lockfile::bounded::MAX_MANIFEST_BYTES,
    );
    let text = match bounded {
        Ok(Some(t)) => t,
        Ok(None) => return Ok(None),
        Err(why) => {
            return Err(GateError::Project {
                path: path.display().to_string(),
                why,
            });
        }
    };
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| GateError::Project {
        path: path.display().to_string(),
        why: format!("not JSON: {e}"),
    })?;
    let Some(field) = json.get("packageManager").and_then(|v| v.as_str()) else {
        return Ok(None);
    };
    let name = field.split('@').next().unwrap_or_default();
    PackageManager::from_name(name)
        .map(Some)
        .ok_or_else(|| GateError::Project {
            path: path.display().to_string(),
            why: format!("packageManager `{field}` is not npm, pnpm, yarn or bun"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn commands_keep_user_arguments_in_order() {
        let a = args(&["lodash", "--save-dev"]);
        assert_eq!(
            PackageManager::Npm.install_command(&a),
            args(&["install", "lodash", "--save-dev"])
        );
        assert_eq!(
            PackageManager::Pnpm.install_command(&a),
            args(&["add", "lodash", "--save-dev"])
        );
        assert_eq!(
            PackageManager::Yarn.install_command(&[]),
            args(&["install"])
        );
        assert_eq!(
            PackageManager::Npm.plan_command(&a),
            args(&[
                "install",
                "--package-lock-only",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "lodash",
                "--save-dev"
            ])
        );
        assert_eq!(
            PackageManager::Yarn.plan_command(&a),
            args(&["add", "--mode", "update-lockfile", "lodash", "--save-dev"])
        );
        assert_eq!(
            PackageManager::Bun.plan_command(&[]),
            args(&["install", "--lockfile-only", "--ignore-scripts"])
        );
    }

    #[test]
    fn package_json_is_read_size_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("package.json");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(diligence_lockfile::bounded::MAX_MANIFEST_BYTES + 1)
            .unwrap();
        let e = detect(dir.path(), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{}: larger than 16 MiB (limit)", path.display())
        );
    }

    #[test]
    fn frozen_installs_never_resolve() {
        let a = args(&["x@latest", "--save-dev", "--ignore-scripts"]);
        assert_eq!(
            PackageManager::Npm.frozen_install_command(&a),
            args(&["ci", "--ignore-scripts"])
        );
        assert_eq!(
            PackageManager::Pnpm.frozen_install_command(&a),
            args(&["install", "--frozen-lockfile", "--ignore-scripts"])
        );
        assert_eq!(
            PackageManager::Yarn.frozen_install_command(&[]),
            args(&["install", "--immutable"])
        );
        assert_eq!(
            PackageManager::Bun.frozen_install_command(&args(&["lodash"])),
            args(&["install", "--frozen-lockfile"])
        );
    }

    #[test]
    fn detection_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = detect(dir.path(), None).unwrap();
        assert_eq!((d.pm, d.because.as_str()), (PackageManager::Npm, "default"));
        std::fs::write(dir.path().join("yarn.lock"), "").unwrap();
        let d = detect(dir.path(), None).unwrap();
        assert_eq!(
            (d.pm, d.because.as_str()),
            (PackageManager::Yarn, "yarn.lock present")
        );
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"packageManager":"pnpm@9.1.0+sha512.abc"}"#,
        )
        .unwrap();
        let d = detect(dir.path(), None).unwrap();
        assert_eq!(
            (d.pm, d.because.as_str()),
            (PackageManager::Pnpm, "packageManager field")
        );
        let d = detect(dir.path(), Some(PackageManager::Bun)).unwrap();
        assert_eq!((d.pm, d.because.as_str()), (PackageManager::Bun, "--pm"));
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"packageManager":"deno@2"}"#,
        )
        .unwrap();
        let e = detect(dir.path(), None).unwrap_err().to_string();
        assert!(
            e.ends_with("package.json: packageManager `deno@2` is not npm, pnpm, yarn or bun"),
            "{e}"
        );
        std::fs::write(dir.path().join("package.json"), "{").unwrap();
        let e = detect(dir.path(), None).unwrap_err().to_string();
        assert!(
            e.contains("package.json: not JSON: EOF while parsing"),
            "{e}"
        );
    }
}
