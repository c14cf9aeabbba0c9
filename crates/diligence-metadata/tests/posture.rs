//! The posture report over project folders written in each package manager's documented
//! configuration format.

use diligence_finding::Finding;
use diligence_metadata::{PackageManager, posture};
use std::path::Path;

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn by<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

fn line(f: &Finding) -> (String, u32) {
    let loc = f.location.as_ref().unwrap();
    let file = Path::new(&loc.file)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    (file, loc.line)
}

#[test]
fn npm_with_cooldown_and_ignore_scripts() {
    let dir = project(&[
        (
            "package.json",
            r#"{"name":"app","packageManager":"npm@11.12.1"}"#,
        ),
        ("package-lock.json", "{}"),
        (
            ".npmrc",
            "registry=https://registry.npmjs.org/\nmin-release-age=3\nignore-scripts=true\n",
        ),
    ]);
    let findings = posture(dir.path(), None);
    let cooldown = by(&findings, "posture/release-cooldown");
    assert_eq!(
        cooldown[0].message,
        "npm release cooldown: min-release-age = 3 → 3 days; shorter than the recommended 7 days (`min-release-age=7`)"
    );
    assert_eq!(line(cooldown[0]), (".npmrc".to_string(), 2));
    assert_eq!(cooldown[0].evidence["hours"], 72.0);
    let scripts = by(&findings, "posture/install-scripts");
    assert_eq!(
        scripts[0].message,
        "npm runs no lifecycle scripts (ignore-scripts=true)"
    );
    assert_eq!(line(scripts[0]), (".npmrc".to_string(), 3));
    let pm = by(&findings, "posture/package-manager");
    assert_eq!(
        pm[0].message,
        "package manager: npm (packageManager `npm@11.12.1` has no hash; `corepack use npm@<version>` adds one)"
    );
    assert!(by(&findings, "posture/hardening").is_empty());
    assert!(
        findings
            .iter()
            .all(|f| f.severity == diligence_finding::Severity::Info)
    );
}

#[test]
fn bare_npm_project_gets_recommendations() {
    let dir = project(&[
        ("package.json", r#"{"name":"app"}"#),
        ("package-lock.json", "{}"),
    ]);
    let findings = posture(dir.path(), None);
    let msgs: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "package manager: npm (from package-lock.json); package.json has no packageManager field to pin it",
            "npm release cooldown is not set: add `min-release-age=7` to .npmrc (7 days, in days)",
            "npm runs every dependency's install scripts: add `ignore-scripts=true` to .npmrc and allow the packages that need a build explicitly",
        ]
    );
    // There is no .npmrc to point at: the findings sit on package.json, a file that exists.
    let lines: Vec<(String, u32)> = findings.iter().map(line).collect();
    assert_eq!(lines, vec![("package.json".to_string(), 0); 3]);
    // An .npmrc without the settings: the findings about them sit on it.
    std::fs::write(
        dir.path().join(".npmrc"),
        "registry=https://registry.npmjs.org/\n",
    )
    .unwrap();
    let findings = posture(dir.path(), None);
    let lines: Vec<(String, u32)> = findings.iter().skip(1).map(line).collect();
    assert_eq!(lines, vec![(".npmrc".to_string(), 0); 2]);
}

#[test]
fn pnpm_workspace_settings_in_minutes() {
    let dir = project(&[
        (
            "package.json",
            r#"{"name":"app","packageManager":"pnpm@10.20.0+sha512.abc"}"#,
        ),
        (
            "pnpm-workspace.yaml",
            "packages:\n  - 'packages/*'\nminimumReleaseAge: 2160\nonlyBuiltDependencies:\n  - esbuild\n  - sharp\ntrustPolicy: no-downgrade\nblockExoticSubdeps: false\n",
        ),
    ]);
    let findings = posture(dir.path(), None);
    let cooldown = by(&findings, "posture/release-cooldown")[0];
    assert_eq!(
        cooldown.message,
        "pnpm release cooldown: minimumReleaseAge = 2160 → 1 day 12 hours; shorter than the recommended 7 days (`minimumReleaseAge: 10080`)"
    );
    assert_eq!(line(cooldown), ("pnpm-workspace.yaml".to_string(), 3));
    assert_eq!(
        by(&findings, "posture/install-scripts")[0].message,
        "pnpm runs build scripts only for allowed dependencies: esbuild, sharp"
    );
    let hardening: Vec<&str> = by(&findings, "posture/hardening")
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        hardening,
        [
            "pnpm trustPolicy: no-downgrade (refuse versions with weaker trust evidence than earlier ones)",
            "pnpm blockExoticSubdeps is `false`: set `blockExoticSubdeps: true` in pnpm-workspace.yaml to refuse git and tarball sources in transitive dependencies",
            "pnpm strictDepBuilds is not set: add `strictDepBuilds: true` to pnpm-workspace.yaml to fail on dependencies with unreviewed build scripts",
        ]
    );
    assert_eq!(
        by(&findings, "posture/package-manager")[0].message,
        "package manager: pnpm (pinned with a hash: pnpm@10.20.0+sha512.abc)"
    );
}

#[test]
fn yarn_berry_duration_strings() {
    let dir = project(&[
        ("package.json", r#"{"name":"app"}"#),
        ("yarn.lock", "__metadata:\n  version: 8\n"),
        (
            ".yarnrc.yml",
            "nodeLinker: node-modules\nnpmMinimalAgeGate: 7d\nenableScripts: false\nenableHardenedMode: true\n",
        ),
    ]);
    let findings = posture(dir.path(), None);
    let cooldown = by(&findings, "posture/release-cooldown")[0];
    assert_eq!(
        cooldown.message,
        "yarn release cooldown: npmMinimalAgeGate = 7d → 7 days"
    );
    assert_eq!(line(cooldown), (".yarnrc.yml".to_string(), 2));
    assert_eq!(
        by(&findings, "posture/install-scripts")[0].message,
        "yarn runs no dependency scripts (enableScripts: false)"
    );
    assert_eq!(
        by(&findings, "posture/hardening")[0].message,
        "yarn enableHardenedMode: true (check lockfile resolutions against the registry)"
    );
}

#[test]
fn bun_seconds_and_trusted_dependencies() {
    let dir = project(&[
        (
            "package.json",
            "{\n  \"name\": \"app\",\n  \"trustedDependencies\": [\"esbuild\"]\n}\n",
        ),
        ("bun.lock", "{}"),
        ("bunfig.toml", "[install]\nminimumReleaseAge = 604800\n"),
    ]);
    let findings = posture(dir.path(), None);
    let cooldown = by(&findings, "posture/release-cooldown")[0];
    assert_eq!(
        cooldown.message,
        "bun release cooldown: install.minimumReleaseAge = 604800 → 7 days"
    );
    assert_eq!(line(cooldown), ("bunfig.toml".to_string(), 2));
    let scripts = by(&findings, "posture/install-scripts")[0];
    assert_eq!(
        scripts.message,
        "bun runs install scripts only for trustedDependencies (and its built-in list): esbuild"
    );
    assert_eq!(line(scripts), ("package.json".to_string(), 3));
}

#[test]
fn package_manager_argument_wins() {
    let dir = project(&[
        ("package.json", r#"{"name":"app"}"#),
        ("package-lock.json", "{}"),
    ]);
    let findings = posture(dir.path(), Some(PackageManager::Pnpm));
    assert_eq!(
        by(&findings, "posture/package-manager")[0].evidence["basis"],
        "argument"
    );
    assert!(
        by(&findings, "posture/release-cooldown")[0]
            .message
            .starts_with("pnpm release cooldown is not set")
    );
}

#[test]
fn malformed_config_is_reported_not_ignored() {
    let dir = project(&[
        ("package.json", r#"{"name":"app"}"#),
        ("pnpm-lock.yaml", "lockfileVersion: '9.0'\n"),
        (
            "pnpm-workspace.yaml",
            "packages:\n  - a\n minimumReleaseAge: [\n",
        ),
    ]);
    let findings = posture(dir.path(), None);
    let bad = by(&findings, "posture/unreadable-config");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].severity, diligence_finding::Severity::Medium);
    assert!(
        bad[0].message.contains("pnpm-workspace.yaml:"),
        "{}",
        bad[0].message
    );
    assert!(
        bad[0].message.contains("invalid YAML"),
        "{}",
        bad[0].message
    );
}

#[test]
fn yarn_classic_has_no_cooldown() {
    let dir = project(&[
        (
            "package.json",
            r#"{"name":"app","packageManager":"yarn@1.22.22"}"#,
        ),
        ("yarn.lock", "# yarn lockfile v1\n"),
        (".yarnrc", "ignore-scripts true\n"),
    ]);
    let findings = posture(dir.path(), None);
    assert!(
        by(&findings, "posture/release-cooldown")[0]
            .message
            .starts_with("yarn classic (1.x) has no release cooldown setting")
    );
    let scripts = by(&findings, "posture/install-scripts")[0];
    assert_eq!(
        scripts.message,
        "yarn runs no lifecycle scripts (ignore-scripts=true)"
    );
    assert_eq!(line(scripts), (".yarnrc".to_string(), 1));
}

#[test]
fn pinned_versions_that_ignore_the_settings() {
    let dir = project(&[
        (
            "package.json",
            r#"{"name":"app","packageManager":"npm@10.9.2"}"#,
        ),
        (".npmrc", "min-release-age=7\n"),
    ]);
    let findings = posture(dir.path(), None);
    assert_eq!(
        by(&findings, "posture/release-cooldown")[0].message,
        "npm release cooldown: min-release-age = 7 → 7 days; ignored by the pinned npm 10.9.2 (needs ≥ 11.10)"
    );
    let dir = project(&[(
        "package.json",
        r#"{"name":"app","packageManager":"pnpm@9.15.9"}"#,
    )]);
    let findings = posture(dir.path(), None);
    assert_eq!(
        by(&findings, "posture/install-scripts")[0].message,
        "pnpm 9.15.9 runs every dependency's build scripts: pnpm ≥ 10 runs only those listed in allowBuilds/onlyBuiltDependencies"
    );
}

#[test]
fn config_files_are_read_size_bounded() {
    let dir = project(&[("package.json", "{\"name\":\"app\"}")]);
    std::fs::File::create(dir.path().join(".npmrc"))
        .unwrap()
        .set_len(2 * 1024 * 1024)
        .unwrap();
    let findings = posture(dir.path(), Some(PackageManager::Npm));
    let unreadable = by(&findings, "posture/unreadable-config");
    assert_eq!(unreadable.len(), 1, "{findings:?}");
    assert!(
        unreadable[0]
            .message
            .contains("cannot read: larger than 1 MiB (limit)"),
        "{}",
        unreadable[0].message
    );
}
