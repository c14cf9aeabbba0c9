//! The posture report: which supply-chain settings of the project's package manager are on,
//! shown in days/hours whatever unit the manager uses, and what to add. All findings are
//! `posture/…` at info severity, except unreadable configuration (`posture/unreadable-config`,
//! medium: a setting we cannot read is not a setting we can vouch for) and settings that turn
//! off integrity or TLS checks (`posture/integrity-off`, medium).

pub mod config;
mod hardening;
mod install_scripts;
mod integrity_off;
mod package_manager;
mod release_cooldown;
mod unreadable_config;

pub use config::{ConfigError, ProjectConfig, Setting};
pub use hardening::HARDENING;
pub use install_scripts::INSTALL_SCRIPTS;
pub use integrity_off::INTEGRITY_OFF;
pub use package_manager::PACKAGE_MANAGER;
pub use release_cooldown::RELEASE_COOLDOWN;
pub use unreadable_config::UNREADABLE_CONFIG;

use diligence_finding::{Finding, Rule};
use serde::Serialize;
use std::path::Path;

/// A JavaScript package manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PackageManager {
    Npm,
    Pnpm,
    /// Yarn; classic (1.x) or berry (2+) is told apart from `packageManager` or `yarn.lock`.
    Yarn,
    Bun,
}

impl PackageManager {
    /// `npm`, `pnpm`, `yarn`, `bun`.
    pub fn as_str(self) -> &'static str {
        match self {
            PackageManager::Npm => "npm",
            PackageManager::Pnpm => "pnpm",
            PackageManager::Yarn => "yarn",
            PackageManager::Bun => "bun",
        }
    }

    /// Parses `npm|pnpm|yarn|bun`, or the name part of a `packageManager` value
    /// (`pnpm@10.2.0+sha512.…`).
    pub fn parse(text: &str) -> Option<PackageManager> {
        match text.split('@').next()?.trim() {
            "npm" => Some(PackageManager::Npm),
            "pnpm" => Some(PackageManager::Pnpm),
            "yarn" => Some(PackageManager::Yarn),
            "bun" => Some(PackageManager::Bun),
            _ => None,
        }
    }
}

/// How the package manager was determined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detection {
    pub manager: PackageManager,
    /// `argument`, `packageManager`, a lockfile name, or `default` (nothing found: npm).
    pub basis: String,
    /// The version from `packageManager` (`10.2.0`), when given.
    pub version: Option<String>,
    /// Yarn only: classic (1.x) rather than berry.
    pub yarn_classic: bool,
}

const LOCKFILES: [(&str, PackageManager); 6] = [
    ("pnpm-lock.yaml", PackageManager::Pnpm),
    ("bun.lock", PackageManager::Bun),
    ("bun.lockb", PackageManager::Bun),
    ("yarn.lock", PackageManager::Yarn),
    ("package-lock.json", PackageManager::Npm),
    ("npm-shrinkwrap.json", PackageManager::Npm),
];

/// Determines the package manager: `given` when passed, else package.json `packageManager`,
/// else the first lockfile present (pnpm, bun, yarn, npm), else npm.
pub fn detect(dir: &Path, cfg: &ProjectConfig, given: Option<PackageManager>) -> Detection {
    let declared = cfg.get("package.json:packageManager").map(|s| s.text());
    let declared_version = declared
        .as_deref()
        .and_then(|d| d.split_once('@'))
        .map(|(_, v)| v.split('+').next().unwrap_or(v).to_string());
    let (manager, basis) = if let Some(m) = given {
        (m, "argument".to_string())
    } else if let Some(m) = declared.as_deref().and_then(PackageManager::parse) {
        (m, "packageManager".to_string())
    } else if let Some((name, m)) = LOCKFILES.iter().find(|(n, _)| dir.join(n).is_file()) {
        (*m, (*name).to_string())
    } else {
        (PackageManager::Npm, "default".to_string())
    };
    let version = declared_version
        .filter(|_| declared.as_deref().and_then(PackageManager::parse) == Some(manager));
    let yarn_classic = manager == PackageManager::Yarn && is_yarn_classic(dir, version.as_deref());
    Detection {
        manager,
        basis,
        version,
        yarn_classic,
    }
}

impl Detection {
    /// Whether the pinned version (`packageManager`) is known to be older than
    /// `major.minor`. `false` when no version is pinned or it does not parse.
    pub fn older_than(&self, major: u64, minor: u64) -> bool {
        let Some(v) = &self.version else {
            return false;
        };
        let mut parts = v.split('.').map(|p| p.parse::<u64>());
        match (parts.next(), parts.next()) {
            (Some(Ok(ma)), Some(Ok(mi))) => (ma, mi) < (major, minor),
            _ => false,
        }
    }
}

fn is_yarn_classic(dir: &Path, version: Option<&str>) -> bool {
    if let Some(v) = version {
        return v.starts_with("1.");
    }
    if dir.join(".yarnrc.yml").is_file() {
        return false;
    }
    let lockfile = diligence_lockfile::bounded::read_text_bounded(
        &dir.join("yarn.lock"),
        diligence_lockfile::MAX_LOCKFILE_BYTES,
    );
    match lockfile {
        Ok(Some(text)) => !text.contains("__metadata:"),
        _ => true,
    }
}

/// One posture check: the project folder, its configuration and the detected package manager
/// in, findings of its rule out.
pub type PostureCheck = fn(&Path, &ProjectConfig, &Detection) -> Vec<Finding>;

/// Every posture rule with its check, in report order: what [`posture`] runs, so a rule listed
/// here always runs (the engine's `every_documented_rule_runs` compares this table with
/// [`rules`], the documented list).
pub static CHECKS: [(&Rule, PostureCheck); 6] = [
    (&UNREADABLE_CONFIG, |_, cfg, _| {
        unreadable_config::check(cfg)
    }),
    (&PACKAGE_MANAGER, |_, cfg, d| package_manager::check(cfg, d)),
    (&RELEASE_COOLDOWN, release_cooldown::check),
    (&INSTALL_SCRIPTS, install_scripts::check),
    (&HARDENING, hardening::check),
    (&INTEGRITY_OFF, |dir, cfg, _| integrity_off::check(dir, cfg)),
];

/// Reads the project's configuration in `project_dir` and reports its posture for the package
/// manager (`None` = detect it, see [`detect`]): every check of [`CHECKS`] — unreadable
/// configuration, the package manager itself, release cooldown, install-script policy,
/// hardening switches. Unreadable or malformed configuration files give a
/// `posture/unreadable-config` finding naming the file and line.
pub fn posture(project_dir: &Path, package_manager: Option<PackageManager>) -> Vec<Finding> {
    let cfg = ProjectConfig::read(project_dir);
    let detection = detect(project_dir, &cfg, package_manager);
    CHECKS
        .iter()
        .flat_map(|(_, check)| check(project_dir, &cfg, &detection))
        .collect()
}

/// The documented posture rules (what `diligence rules` lists).
pub fn rules() -> Vec<&'static Rule> {
    vec![
        &RELEASE_COOLDOWN,
        &INSTALL_SCRIPTS,
        &HARDENING,
        &INTEGRITY_OFF,
        &PACKAGE_MANAGER,
        &UNREADABLE_CONFIG,
    ]
}

/// A duration in minutes shown as days and hours: `7 days`, `1 day 12 hours`, `36 minutes`.
pub fn human_duration(minutes: f64) -> String {
    if minutes < 60.0 {
        return format!("{} minutes", round2(minutes));
    }
    let hours = minutes / 60.0;
    if hours < 24.0 {
        return format!("{} hours", round2(hours));
    }
    let days = (hours / 24.0).floor();
    let rest = round2(hours - days * 24.0);
    let d = if days == 1.0 { "day" } else { "days" };
    if rest == 0.0 {
        format!("{days} {d}")
    } else {
        format!("{days} {d} {rest} hours")
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Locates a posture finding: at the setting when there is one, else at `fallback` (the file
/// the setting belongs in) when it exists, else at the project's `package.json` (an
/// annotation on a file that does not exist shows nowhere), else at `fallback` anyway.
fn at(finding: Finding, setting: Option<&Setting>, fallback: &Path) -> Finding {
    match setting {
        Some(s) => finding.at(s.file.display().to_string(), s.line),
        None => {
            let manifest = fallback.with_file_name("package.json");
            let file = if !fallback.is_file() && manifest.is_file() {
                manifest
            } else {
                fallback.to_path_buf()
            };
            finding.at(file.display().to_string(), 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_days_and_hours() {
        assert_eq!(human_duration(10_080.0), "7 days");
        assert_eq!(human_duration(1_440.0), "1 day");
        assert_eq!(human_duration(2_160.0), "1 day 12 hours");
        assert_eq!(human_duration(90.0), "1.5 hours");
        assert_eq!(human_duration(30.0), "30 minutes");
    }

    #[test]
    fn package_manager_parse() {
        assert_eq!(
            PackageManager::parse("pnpm@10.2.0+sha512.abc"),
            Some(PackageManager::Pnpm)
        );
        assert_eq!(PackageManager::parse("deno"), None);
    }
}
