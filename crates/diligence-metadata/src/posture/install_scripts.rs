//! `posture/install-scripts`: do dependencies' lifecycle scripts run, and which are allowed.

use super::{Detection, PackageManager, ProjectConfig, Setting, at};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;
use std::path::Path;

declare_rule! {
    /// Reports whether dependencies' install lifecycle scripts run, and which are allowed.
    ///
    /// ## What it detects
    /// The detected package manager's script policy: npm `.npmrc` `ignore-scripts` and
    /// `allow-scripts`, package.json `allowScripts` (also LavaMoat's `lavamoat.allowScripts`);
    /// pnpm `allowBuilds` / `onlyBuiltDependencies` (pnpm ≥ 10 runs no dependency build
    /// script that is not allowed); yarn `.yarnrc.yml` `enableScripts` (yarn classic: `.yarnrc`
    /// or `.npmrc` `ignore-scripts`); bun package.json `trustedDependencies` (bun runs only
    /// those, plus its built-in list). When scripts run unrestricted, says what to add.
    ///
    /// ## Why it matters
    /// Install scripts are how most npm malware runs. Turning them off by default and
    /// allowing the few packages that need a build limits what a hijacked dependency can do at
    /// install time.
    ///
    /// ## Example
    /// An npm project with no `ignore-scripts=true` in `.npmrc`.
    ///
    /// ## Known false positives
    /// None: it is an info finding. Native addons need their scripts allowed.
    pub static INSTALL_SCRIPTS = { id: "posture/install-scripts", severity: Severity::Info };
}

fn list(setting: &Setting) -> Vec<String> {
    match &setting.value {
        serde_json::Value::Array(a) => a
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect(),
        serde_json::Value::Object(o) => o.keys().cloned().collect(),
        serde_json::Value::String(s) => s
            .split([',', ' '])
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn finding(
    message: String,
    setting: Option<&Setting>,
    file: &Path,
    pm: &str,
    restricted: bool,
) -> Finding {
    at(Finding::new(&INSTALL_SCRIPTS, message), setting, file)
        .evidence(json!({"package_manager": pm, "restricted": restricted}))
}

/// Runs the rule.
pub fn check(dir: &Path, cfg: &ProjectConfig, d: &Detection) -> Vec<Finding> {
    let pm = d.manager.as_str();
    match d.manager {
        PackageManager::Npm => npm(dir, cfg, pm, "npmrc:ignore-scripts"),
        PackageManager::Yarn if d.yarn_classic => {
            let key = if cfg.get("yarnrc-classic:ignore-scripts").is_some() {
                "yarnrc-classic:ignore-scripts"
            } else {
                "npmrc:ignore-scripts"
            };
            npm(dir, cfg, pm, key)
        }
        PackageManager::Pnpm => pnpm(dir, cfg, d, pm),
        PackageManager::Yarn => yarn(dir, cfg, pm),
        PackageManager::Bun => bun(dir, cfg, pm),
    }
}

fn npm(dir: &Path, cfg: &ProjectConfig, pm: &str, ignore_key: &str) -> Vec<Finding> {
    let ignore = cfg.get(ignore_key);
    let allow = cfg
        .get("npmrc:allow-scripts")
        .or_else(|| cfg.get("package.json:allowScripts"));
    if ignore.and_then(Setting::as_bool) == Some(true) {
        let allowed = allow.map(list).unwrap_or_default();
        let message = if allowed.is_empty() {
            format!("{pm} runs no lifecycle scripts (ignore-scripts=true)")
        } else {
            format!(
                "{pm} runs no lifecycle scripts (ignore-scripts=true); allowlisted: {}",
                allowed.join(", ")
            )
        };
        return vec![finding(message, ignore, dir, pm, true)];
    }
    if let Some(a) = allow {
        let message = format!(
            "{pm} lifecycle scripts are allowlisted ({}): {}",
            a.file
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned()),
            list(a).join(", ")
        );
        return vec![finding(message, Some(a), dir, pm, true)];
    }
    let message = format!(
        "{pm} runs every dependency's install scripts: add `ignore-scripts=true` to .npmrc and \
         allow the packages that need a build explicitly"
    );
    vec![finding(message, None, &dir.join(".npmrc"), pm, false)]
}

fn pnpm(dir: &Path, cfg: &ProjectConfig, d: &Detection, pm: &str) -> Vec<Finding> {
    if d.older_than(10, 0) {
        let message = format!(
            "{pm} {} runs every dependency's build scripts: pnpm ≥ 10 runs only those listed in \
             allowBuilds/onlyBuiltDependencies",
            d.version.as_deref().unwrap_or("")
        );
        return vec![finding(message, None, &dir.join("package.json"), pm, false)];
    }
    let allow = cfg
        .get("pnpm:allowBuilds")
        .or_else(|| cfg.get("pnpm:onlyBuiltDependencies"));
    let dangerously = cfg.get("pnpm:dangerouslyAllowAllBuilds");
    if dangerously.and_then(Setting::as_bool) == Some(true) {
        let message = format!(
            "{pm} runs every dependency's build scripts (dangerouslyAllowAllBuilds: true): remove it and list the packages in allowBuilds"
        );
        return vec![finding(message, dangerously, dir, pm, false)];
    }
    let message = match allow {
        Some(a) => format!(
            "{pm} runs build scripts only for allowed dependencies: {}",
            list(a).join(", ")
        ),
        None => format!(
            "{pm} (≥ 10) runs no dependency build scripts unless allowed; none are allowed \
             (`allowBuilds` in pnpm-workspace.yaml)"
        ),
    };
    vec![finding(
        message,
        allow,
        &dir.join("pnpm-workspace.yaml"),
        pm,
        true,
    )]
}

fn yarn(dir: &Path, cfg: &ProjectConfig, pm: &str) -> Vec<Finding> {
    let enable = cfg.get("yarnrc:enableScripts");
    if enable.and_then(Setting::as_bool) == Some(false) {
        let message = format!("{pm} runs no dependency scripts (enableScripts: false)");
        return vec![finding(message, enable, dir, pm, true)];
    }
    let message = format!(
        "{pm} runs every dependency's install scripts: set `enableScripts: false` in \
         .yarnrc.yml and enable the packages that need a build with `dependenciesMeta.<name>.built: true`"
    );
    vec![finding(
        message,
        enable,
        &dir.join(".yarnrc.yml"),
        pm,
        false,
    )]
}

fn bun(dir: &Path, cfg: &ProjectConfig, pm: &str) -> Vec<Finding> {
    let trusted = cfg.get("package.json:trustedDependencies");
    let message = match trusted {
        Some(t) => format!(
            "{pm} runs install scripts only for trustedDependencies (and its built-in list): {}",
            list(t).join(", ")
        ),
        None => format!(
            "{pm} runs install scripts only for its built-in trusted list; no trustedDependencies \
             in package.json"
        ),
    };
    vec![finding(
        message,
        trusted,
        &dir.join("package.json"),
        pm,
        true,
    )]
}
