//! Differential tests against npm 11: for each trick tarball (`support/tar_tricks.rs`)
//! diligence must analyse exactly the files npm writes and the manifest npm reads, or report
//! the package as not evaluated.
//!
//! `fixtures/npm-extract.json` records what npm 11.19.1 (pacote 21.5.1, node-tar 7.5.22)
//! extracted from each tarball, so the regular test needs no npm. With
//! `DILIGENCE_NPM_DIFF=1` (node and npm on PATH) the fixture is checked against the local npm
//! (`tests/npm/extract.cjs` runs npm's own `pacote.extract`, which never runs package code);
//! `DILIGENCE_NPM_DIFF=update` rewrites it. Both print the trick table.

#[path = "support/tar_tricks.rs"]
mod tricks;

use diligence_analyze::archive::{self, ArchiveLimits};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Tricks diligence reports as not evaluated, and why.
const NOT_EVALUATED: &[(&str, &str)] = &[
    ("cut-trailer", "npm fails (Z_BUF_ERROR)"),
    ("corrupt-crc", "npm fails (Z_DATA_ERROR)"),
    ("trailing-garbage", "npm fails (Z_DATA_ERROR)"),
    (
        "member-after-padding",
        "npm reads the late member or not, by stream chunking",
    ),
    (
        "deep-manifest",
        "package.json nested beyond the JSON parser's 128 levels",
    ),
    ("dot-slash-prefix", "no package.json at the package root"),
    (
        "case-variant-manifest",
        "npm on macOS/Windows reads PACKAGE.JSON",
    ),
    (
        "trailing-dot-manifest",
        "npm on Windows reads `package.json.`",
    ),
    ("nul-newline-name", "npm crashes on the NUL"),
];

/// What diligence reads from one tarball.
struct Reading {
    files: BTreeMap<String, String>,
    /// Unpacking read everything (no limit, no corruption, no uncertain construct).
    complete: bool,
    manifest: Value,
    evaluated: bool,
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn summary(m: &Value) -> Value {
    json!({
        "name": m.get("name").cloned().unwrap_or(Value::Null),
        "version": m.get("version").cloned().unwrap_or(Value::Null),
        "scripts": m.get("scripts").cloned().unwrap_or(Value::Null),
    })
}

fn read(bytes: &[u8]) -> Reading {
    let limits = ArchiveLimits {
        max_file_bytes: 1024,
        ..ArchiveLimits::default()
    };
    let Ok(unpacked) = archive::unpack_tarball(bytes, &limits) else {
        return Reading {
            files: BTreeMap::new(),
            complete: false,
            manifest: Value::Null,
            evaluated: false,
        };
    };
    let mut files: BTreeMap<String, String> = unpacked
        .files
        .iter()
        .map(|f| (f.path.clone(), sha256(&f.bytes)))
        .collect();
    files.extend(
        unpacked
            .large
            .iter()
            .map(|l| (l.path.clone(), l.sha256.clone())),
    );
    let complete = !unpacked.anomalies.iter().any(|a| a.stops_analysis());
    let manifest = unpacked
        .files
        .iter()
        .find(|f| f.path == "package.json")
        .map(|f| archive::parse_manifest(&f.bytes));
    let (manifest, parsed) = match manifest {
        Some(Ok(m)) => (summary(&m), true),
        Some(Err(_)) => (json!({"error": "unparsable"}), false),
        None => (Value::Null, false),
    };
    Reading {
        files,
        complete,
        manifest,
        evaluated: complete && parsed,
    }
}

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/npm-extract.json")
}

fn fixture() -> BTreeMap<String, Value> {
    let text = std::fs::read_to_string(fixture_path()).expect("npm-extract.json fixture");
    serde_json::from_str(&text).expect("fixture is JSON")
}

#[test]
fn diligence_reads_what_npm_writes() {
    let npm = fixture();
    let tricks = tricks::all();
    assert_eq!(
        tricks.iter().map(|t| t.0).collect::<Vec<_>>().len(),
        npm.len(),
        "every trick has an npm result and no result is stale"
    );
    for (name, bytes, _) in &tricks {
        let theirs = &npm[*name];
        let ours = read(bytes);
        let expect_evaluated = !NOT_EVALUATED.iter().any(|(n, _)| n == name);
        assert_eq!(ours.evaluated, expect_evaluated, "{name}: evaluated");
        let npm_files: BTreeMap<String, String> =
            serde_json::from_value(theirs["files"].clone()).unwrap();
        if theirs["ok"] == true || ours.complete {
            assert_eq!(ours.files, npm_files, "{name}: the files npm writes");
        }
        if ours.evaluated {
            assert_eq!(theirs["ok"], true, "{name}: npm installs it");
            assert_eq!(
                ours.manifest, theirs["manifest"],
                "{name}: the manifest npm reads"
            );
        }
    }
}

/// npm's pacote folder, when npm is installed.
fn npm_pacote() -> Option<PathBuf> {
    let out = Command::new("npm").args(["root", "-g"]).output().ok()?;
    let root = String::from_utf8(out.stdout).ok()?;
    let pacote = Path::new(root.trim()).join("npm/node_modules/pacote");
    pacote.is_dir().then_some(pacote)
}

fn npm_extract(pacote: &Path, tarball: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/npm/extract.cjs");
    let out = Command::new("node")
        .arg(script)
        .arg(pacote)
        .arg(tarball)
        .output()
        .expect("node runs");
    match serde_json::from_slice::<Value>(&out.stdout) {
        Ok(v) => v,
        Err(_) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let code = stderr
                .lines()
                .find(|l| l.contains("code:"))
                .map(|l| {
                    l.trim()
                        .trim_start_matches("code:")
                        .trim()
                        .trim_matches(['\'', ','])
                })
                .unwrap_or("crash");
            json!({"ok": false, "error": format!("node crashed: {code}"), "files": {}, "manifest": null})
        }
    }
}

#[test]
fn npm_agrees_with_the_fixture() {
    let Ok(mode) = std::env::var("DILIGENCE_NPM_DIFF") else {
        eprintln!("skipped: set DILIGENCE_NPM_DIFF=1 to run npm 11 on the trick tarballs");
        return;
    };
    let Some(pacote) = npm_pacote() else {
        panic!("DILIGENCE_NPM_DIFF is set but npm (with its pacote) is not installed");
    };
    let dir = tempfile::tempdir().unwrap();
    let mut results = BTreeMap::new();
    println!("| trick | npm writes | npm | diligence |");
    println!("|---|---|---|---|");
    for (name, bytes, what) in tricks::all() {
        let path = dir.path().join(format!("{name}.tgz"));
        std::fs::write(&path, &bytes).unwrap();
        let theirs = npm_extract(&pacote, &path);
        let ours = read(&bytes);
        let files: Vec<&str> = theirs["files"]
            .as_object()
            .map(|m| m.keys().map(|k| k.as_str()).collect())
            .unwrap_or_default();
        let npm_status = match theirs["error"].as_str() {
            Some(e) => format!("fails: {e}"),
            None => "installs".into(),
        };
        let verdict = match NOT_EVALUATED.iter().find(|(n, _)| *n == name) {
            Some((_, why)) => format!("not evaluated ({why})"),
            None if ours.evaluated => "same files and manifest".into(),
            None => "MISMATCH".into(),
        };
        println!(
            "| `{name}`: {what} | {} | {npm_status} | {verdict} |",
            files.join(", ")
        );
        results.insert(name.to_string(), theirs);
    }
    if mode == "update" {
        let text = serde_json::to_string_pretty(&results).unwrap();
        std::fs::write(fixture_path(), text + "\n").unwrap();
        return;
    }
    let recorded = fixture();
    for (name, value) in &results {
        assert_eq!(
            Some(value),
            recorded.get(name),
            "{name}: npm's result changed"
        );
    }
    assert_eq!(results.len(), recorded.len());
}
