//! `posture/release-cooldown`: is a minimum release age configured, and how long is it.

use super::{Detection, PackageManager, ProjectConfig, Setting, at, human_duration};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;
use std::path::Path;

declare_rule! {
    /// Reports the package manager's release cooldown (minimum release age), in days and hours.
    ///
    /// ## What it detects
    /// The cooldown setting of the detected package manager, normalised from its unit:
    /// npm `.npmrc` `min-release-age` (days, npm ≥ 11.10); pnpm `pnpm-workspace.yaml`
    /// `minimumReleaseAge` (minutes; pnpm 10 also reads `minimum-release-age` in `.npmrc`);
    /// yarn `.yarnrc.yml` `npmMinimalAgeGate` (minutes, or a duration such as `3d`; yarn ≥
    /// 4.10); bun `bunfig.toml` `[install] minimumReleaseAge` (seconds). When it is missing or
    /// shorter than 7 days, the finding says what to add.
    ///
    /// ## Why it matters
    /// Most hijacked releases are caught and unpublished within a day or two. A cooldown makes
    /// the package manager ignore versions younger than that, which would have kept the
    /// `chalk`/`debug` (2025) and Shai-Hulud versions out of every project that had one.
    ///
    /// ## Example
    /// A pnpm project without `minimumReleaseAge` in `pnpm-workspace.yaml`.
    ///
    /// ## Known false positives
    /// None: it is an info finding. Urgent security fixes may need an exclusion
    /// (`minimumReleaseAgeExclude`, `npmPreapprovedPackages`).
    pub static RELEASE_COOLDOWN = { id: "posture/release-cooldown", severity: Severity::Info };
}

/// The cooldown recommended, in days.
pub const RECOMMENDED_DAYS: f64 = 7.0;

/// Parses a duration in minutes: a bare number is `default_unit_minutes` units; a number with
/// a suffix `ms`, `s`, `m`, `h`, `d` or `w` is that unit.
pub fn parse_minutes(text: &str, default_unit_minutes: f64) -> Option<f64> {
    let t = text.trim().trim_matches(['"', '\'']);
    if let Ok(n) = t.parse::<f64>() {
        return Some(n * default_unit_minutes);
    }
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().ok()?;
    let factor = match unit.trim() {
        "ms" => 1.0 / 60_000.0,
        "s" => 1.0 / 60.0,
        "m" => 1.0,
        "h" => 60.0,
        "d" => 1_440.0,
        "w" => 10_080.0,
        _ => return None,
    };
    Some(n * factor)
}

struct Where {
    keys: &'static [&'static str],
    unit_minutes: f64,
    unit_name: &'static str,
    file: &'static str,
    add: &'static str,
    /// The first release that reads the setting, `(major, minor)`.
    since: Option<(u64, u64)>,
}

fn where_for(d: &Detection) -> Option<Where> {
    Some(match d.manager {
        PackageManager::Npm => Where {
            keys: &["npmrc:min-release-age"],
            unit_minutes: 1_440.0,
            unit_name: "days",
            file: ".npmrc",
            add: "min-release-age=7",
            since: Some((11, 10)),
        },
        PackageManager::Pnpm => Where {
            keys: &["pnpm:minimumReleaseAge", "npmrc:minimum-release-age"],
            unit_minutes: 1.0,
            unit_name: "minutes",
            file: "pnpm-workspace.yaml",
            add: "minimumReleaseAge: 10080",
            since: Some((10, 16)),
        },
        PackageManager::Yarn if d.yarn_classic => return None,
        PackageManager::Yarn => Where {
            keys: &["yarnrc:npmMinimalAgeGate"],
            unit_minutes: 1.0,
            unit_name: "minutes",
            file: ".yarnrc.yml",
            add: "npmMinimalAgeGate: 7d",
            since: Some((4, 10)),
        },
        PackageManager::Bun => Where {
            keys: &["bunfig:install.minimumReleaseAge"],
            unit_minutes: 1.0 / 60.0,
            unit_name: "seconds",
            file: "bunfig.toml",
            add: "[install] minimumReleaseAge = 604800",
            since: Some((1, 3)),
        },
    })
}

/// Runs the rule.
pub fn check(dir: &Path, cfg: &ProjectConfig, d: &Detection) -> Vec<Finding> {
    let pm = d.manager.as_str();
    let Some(w) = where_for(d) else {
        let message = "yarn classic (1.x) has no release cooldown setting: upgrade to yarn ≥ 4.10 \
                       and set `npmMinimalAgeGate: 7d` in .yarnrc.yml"
            .to_string();
        return vec![
            Finding::new(&RELEASE_COOLDOWN, message)
                .at(dir.join("package.json").display().to_string(), 0)
                .evidence(json!({"package_manager": pm, "configured": false})),
        ];
    };
    let found: Option<(&str, &Setting)> = w.keys.iter().find_map(|k| cfg.get(k).map(|s| (*k, s)));
    let Some((key, setting)) = found else {
        let message = format!(
            "{pm} release cooldown is not set: add `{}` to {} ({} days, in {})",
            w.add, w.file, RECOMMENDED_DAYS, w.unit_name
        );
        return vec![
            at(
                Finding::new(&RELEASE_COOLDOWN, message),
                None,
                &dir.join(w.file),
            )
            .evidence(json!({"package_manager": pm, "configured": false, "recommended": w.add})),
        ];
    };
    let key_name = key.split_once(':').map_or(key, |(_, k)| k);
    let Some(minutes) = parse_minutes(&setting.text(), w.unit_minutes) else {
        let message = format!(
            "{pm} release cooldown `{key_name}` has a value that is not a duration: `{}`",
            setting.text()
        );
        return vec![
            at(Finding::new(&RELEASE_COOLDOWN, message), Some(setting), dir)
                .evidence(json!({"package_manager": pm, "configured": true, "valid": false})),
        ];
    };
    let days = minutes / 1_440.0;
    let mut message = format!(
        "{pm} release cooldown: {key_name} = {} → {}",
        setting.text(),
        human_duration(minutes)
    );
    if let Some((major, minor)) = w.since.filter(|(ma, mi)| d.older_than(*ma, *mi)) {
        message.push_str(&format!(
            "; ignored by the pinned {pm} {} (needs ≥ {major}.{minor})",
            d.version.as_deref().unwrap_or("")
        ));
    }
    if days < RECOMMENDED_DAYS {
        message.push_str(&format!(
            "; shorter than the recommended {RECOMMENDED_DAYS} days (`{}`)",
            w.add
        ));
    }
    vec![
        at(Finding::new(&RELEASE_COOLDOWN, message), Some(setting), dir).evidence(json!({
            "package_manager": pm,
            "configured": true,
            "setting": key_name,
            "value": setting.value,
            "minutes": minutes,
            "days": days,
            "hours": minutes / 60.0,
        })),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(parse_minutes("7", 1_440.0), Some(10_080.0));
        assert_eq!(parse_minutes("1440", 1.0), Some(1_440.0));
        assert_eq!(parse_minutes("3d", 1.0), Some(4_320.0));
        assert_eq!(parse_minutes("12h", 1.0), Some(720.0));
        assert_eq!(parse_minutes("604800", 1.0 / 60.0), Some(10_080.0));
        assert_eq!(parse_minutes("soon", 1.0), None);
    }
}
