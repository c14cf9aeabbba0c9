//! `posture/hardening`: pnpm and yarn hardening switches.

use super::{Detection, PackageManager, ProjectConfig, Setting, at};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;
use std::path::Path;

declare_rule! {
    /// Reports the package manager's hardening switches and which are off.
    ///
    /// ## What it detects
    /// pnpm `pnpm-workspace.yaml`: `trustPolicy` (`no-downgrade` refuses a version published
    /// with weaker trust evidence than earlier ones), `blockExoticSubdeps` (no git/tarball
    /// dependencies below direct ones), `strictDepBuilds` (fail when a dependency has an
    /// unreviewed build script). yarn `.yarnrc.yml`: `enableHardenedMode` (checks that lockfile
    /// resolutions match the registry). npm and bun have no equivalent switches.
    ///
    /// ## Why it matters
    /// Each switch closes one route: provenance downgrades (the Nx and Shai-Hulud releases
    /// lacked the provenance their predecessors had), exotic transitive sources that bypass
    /// the registry, lockfile tampering in pull requests.
    ///
    /// ## Example
    /// A pnpm project whose `pnpm-workspace.yaml` has no `trustPolicy`.
    ///
    /// ## Known false positives
    /// None: it is an info finding.
    pub static HARDENING = { id: "posture/hardening", severity: Severity::Info };
}

/// `(key, wanted value, what it does)`.
const PNPM: [(&str, &str, &str); 3] = [
    (
        "trustPolicy",
        "no-downgrade",
        "refuse versions with weaker trust evidence than earlier ones",
    ),
    (
        "blockExoticSubdeps",
        "true",
        "refuse git and tarball sources in transitive dependencies",
    ),
    (
        "strictDepBuilds",
        "true",
        "fail on dependencies with unreviewed build scripts",
    ),
];

/// Runs the rule.
pub fn check(dir: &Path, cfg: &ProjectConfig, d: &Detection) -> Vec<Finding> {
    let pm = d.manager.as_str();
    match d.manager {
        PackageManager::Pnpm => PNPM
            .iter()
            .map(|(key, want, what)| {
                switch(
                    cfg.get(&format!("pnpm:{key}")),
                    key,
                    want,
                    what,
                    pm,
                    &dir.join("pnpm-workspace.yaml"),
                )
            })
            .collect(),
        PackageManager::Yarn if !d.yarn_classic => vec![switch(
            cfg.get("yarnrc:enableHardenedMode"),
            "enableHardenedMode",
            "true",
            "check lockfile resolutions against the registry",
            pm,
            &dir.join(".yarnrc.yml"),
        )],
        _ => Vec::new(),
    }
}

fn switch(
    setting: Option<&Setting>,
    key: &str,
    want: &str,
    what: &str,
    pm: &str,
    file: &Path,
) -> Finding {
    let name = file
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let value = setting.map(Setting::text);
    let on = value.as_deref() == Some(want);
    let message = match &value {
        Some(v) if on => format!("{pm} {key}: {v} ({what})"),
        Some(v) => format!("{pm} {key} is `{v}`: set `{key}: {want}` in {name} to {what}"),
        None => format!("{pm} {key} is not set: add `{key}: {want}` to {name} to {what}"),
    };
    at(Finding::new(&HARDENING, message), setting, file).evidence(json!({
        "package_manager": pm,
        "setting": key,
        "value": value,
        "recommended": want,
        "on": on,
    }))
}
