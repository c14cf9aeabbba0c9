//! `diligence install` installs exactly what it vetted: the planned lockfile is written into
//! the project (SHA-256 checked) and the package manager's frozen install runs from it.
//!
//! A fixture registry on 127.0.0.1 (tests/support/fixture_registry.rs) moves `latest` the
//! moment npm's planning run has read the packument, the install-gate TOCTOU of issue 11:
//! before the fix, the install re-resolved `latest` and got the version nobody vetted. Every
//! npm run here uses `--ignore-scripts` and the fixtures carry no code worth running.

mod support {
    pub mod fixture_registry;
}

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use support::fixture_registry::{FixtureRegistry, FixtureVersion, Hook, Served};

fn versions() -> Vec<FixtureVersion> {
    vec![
        FixtureVersion::new("movable", "1.0.0", &[]),
        FixtureVersion::new("movable", "1.0.1", &[]).file(
            "unvetted.js",
            "module.exports = 'published after the plan';\n",
        ),
    ]
}

/// A project folder whose `.npmrc` points at the fixture registry.
fn project(reg: &FixtureRegistry) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".npmrc"), format!("registry={}\n", reg.url)).unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"private\": true\n}\n",
    )
    .unwrap();
    dir
}

/// `diligence install --pm npm --no-advisories <args>` with private caches and npm kept away
/// from the user's cache and configuration; temporary folders go to `tmp`.
fn install(proj: &Path, tmp: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("diligence")
        .unwrap()
        .env("DILIGENCE_CACHE_DIR", tmp.join("diligence-cache"))
        .env("npm_config_cache", tmp.join("npm-cache"))
        .env("npm_config_userconfig", tmp.join("npmrc"))
        .env("npm_config_update_notifier", "false")
        .env("npm_config_fetch_retries", "0")
        .env("TMPDIR", tmp)
        .env("NO_COLOR", "1")
        .arg("install")
        .arg("--dir")
        .arg(proj)
        .args(["--pm", "npm", "--no-advisories"])
        .args(args)
        .output()
        .unwrap()
}

/// Who asked: `npm` (the package manager) or `diligence` (the engine's own fetches).
fn client(s: &Served<'_>) -> &'static str {
    if s.user_agent.starts_with("npm/") {
        "npm"
    } else if s.user_agent.starts_with("diligence/") {
        "diligence"
    } else {
        "other"
    }
}

#[test]
fn install_installs_the_vetted_version_when_latest_moves() {
    diligence_testkit::tool_or_skip!(
        "install_installs_the_vetted_version_when_latest_moves",
        "npm"
    );
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = log.clone();
    let mut moved = false;
    let hook: Hook = Box::new(move |s| {
        seen.lock()
            .unwrap()
            .push(format!("{} {}", client(s), s.path));
        if moved || client(s) != "npm" || s.path != "/movable" {
            return Vec::new();
        }
        // The planning run has read the packument: 1.0.1 is published and tagged.
        moved = true;
        seen.lock().unwrap().push("latest → 1.0.1".into());
        vec![("movable".into(), "latest".into(), "1.0.1".into())]
    });
    let reg =
        FixtureRegistry::start_with_hook(&versions(), &[("movable", "latest", "1.0.0")], hook);
    let proj = project(&reg);
    let tmp = tempfile::tempdir().unwrap();

    let out = install(proj.path(), tmp.path(), &["movable", "--ignore-scripts"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    let installed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(proj.path().join("node_modules/movable/package.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(installed["version"], "1.0.0");
    assert!(
        !proj
            .path()
            .join("node_modules/movable/unvetted.js")
            .exists()
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(proj.path().join("package.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["dependencies"]["movable"], "^1.0.0");

    // The project's lockfile is byte for byte the one vetted (the hash printed before npm ci).
    let lockfile = std::fs::read(proj.path().join("package-lock.json")).unwrap();
    let sha = diligence_gate::sha256_hex(&lockfile);
    assert!(
        stderr.contains(&format!(
            "installing the vetted package-lock.json (sha256 {sha}) with `npm ci --ignore-scripts`"
        )),
        "{stderr}"
    );

    // The tag really moved before the install step, and npm never fetched the unvetted tarball.
    let log = log.lock().unwrap().clone();
    let moved_at = log
        .iter()
        .position(|l| l == "latest → 1.0.1")
        .expect("moved");
    let fetched_at = log
        .iter()
        .position(|l| l == "npm /movable/-/movable-1.0.0.tgz")
        .unwrap_or_else(|| panic!("npm fetched no tarball: {log:?}"));
    assert!(moved_at < fetched_at, "{log:?}");
    assert!(
        !log.iter().any(|l| l.ends_with("movable-1.0.1.tgz")),
        "{log:?}"
    );
}

/// The single planning folder under `tmp`, once a planning run has written its lockfile.
fn planned_lockfile(tmp: &Path) -> Option<PathBuf> {
    std::fs::read_dir(tmp)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("diligence-plan-")
        })
        .map(|e| e.path().join("package-lock.json"))
        .find(|p| p.is_file())
}

#[test]
fn install_refuses_a_lockfile_changed_after_vetting() {
    diligence_testkit::tool_or_skip!("install_refuses_a_lockfile_changed_after_vetting", "npm");
    let tmp = tempfile::tempdir().unwrap();
    let tmp_dir = tmp.path().to_path_buf();
    let mut tampered = false;
    // While the engine vets the plan (its own registry requests come after the plan was read
    // and hashed), something rewrites the planned lockfile.
    let hook: Hook = Box::new(move |s| {
        if tampered || client(s) != "diligence" {
            return Vec::new();
        }
        if let Some(path) = planned_lockfile(&tmp_dir) {
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push('\n');
            std::fs::write(&path, text).unwrap();
            tampered = true;
        }
        Vec::new()
    });
    let reg =
        FixtureRegistry::start_with_hook(&versions(), &[("movable", "latest", "1.0.0")], hook);
    let proj = project(&reg);

    let out = install(
        proj.path(),
        tmp.path(),
        &["movable@1.0.0", "--ignore-scripts"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("package-lock.json: changed after it was vetted (sha256 "),
        "{stderr}"
    );
    assert!(stderr.contains("; not installing"), "{stderr}");
    assert!(!proj.path().join("node_modules").exists());
    assert!(!proj.path().join("package-lock.json").exists());
}
