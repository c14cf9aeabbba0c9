//! `diligence db update` / `diligence db status` end to end, against a private cache dir
//! (`DILIGENCE_CACHE_DIR`) and local sources only (no network).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn advisories() -> PathBuf {
    diligence_testkit::corpus("advisories")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn diligence(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("diligence").expect("binary");
    cmd.env("DILIGENCE_CACHE_DIR", cache);
    cmd
}

#[test]
fn status_without_database_exits_2() {
    let cache = tempfile::tempdir().expect("tempdir");
    let out = diligence(cache.path())
        .args(["db", "status"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no advisory database"), "{stderr}");
    assert!(stderr.contains("diligence db update"), "{stderr}");
}

#[test]
fn update_from_folder_then_status_then_failed_update_keeps_index() {
    diligence_testkit::corpus_or_skip!("advisories");
    let cache = tempfile::tempdir().expect("tempdir");
    let osv = advisories().join("osv");
    let out = diligence(cache.path())
        .args(["db", "update", "--from"])
        .arg(&osv)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("records:        32 malware, 28 vulnerability, 4 withdrawn"),
        "{stdout}"
    );
    assert!(
        stdout.contains("newest record:  2026-07-16T00:38:53Z"),
        "{stdout}"
    );

    let out = diligence(cache.path())
        .args(["db", "update", "--from", "http://127.0.0.1:9/all.zip"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("previous index kept"), "{stderr}");
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("error:")).count(),
        1
    );

    let out = diligence(cache.path())
        .args(["db", "status"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("packages:       59"), "{stdout}");
}

#[test]
fn update_from_datadog_manifest() {
    diligence_testkit::corpus_or_skip!("advisories");
    let cache = tempfile::tempdir().expect("tempdir");
    let out = diligence(cache.path())
        .args(["db", "update", "--from"])
        .arg(advisories().join("datadog-npm-manifest.json"))
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("records:        2711 malware, 0 vulnerability"),
        "{stdout}"
    );
}

/// A failed first update says there is no index yet, not that a previous one was kept.
#[test]
fn failed_first_update_says_there_is_no_index() {
    let cache = tempfile::tempdir().unwrap();
    let out = diligence(cache.path())
        .args(["db", "update", "--from", "http://127.0.0.1:9/all.zip"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("previous index kept"), "{stderr}");
    assert!(stderr.contains("there is none yet"), "{stderr}");
}
