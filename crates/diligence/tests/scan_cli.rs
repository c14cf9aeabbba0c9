//! `diligence scan` end to end on the shared malicious-dev corpus: JSON shape, verdicts, exit
//! codes. No network: folder and tarball targets only.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn corpus(sample: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/malicious-dev")
        .join(sample)
}

fn scan_json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .arg("scan")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), json)
}

#[test]
fn malicious_folder_exits_1_with_findings() {
    let dir = corpus("corss-env-7.0.4");
    let (code, json) = scan_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    let pkg = &json[0];
    assert_eq!(pkg["package"], "corss-env@7.0.4");
    assert_eq!(pkg["verdict"], "malicious");
    let f = pkg["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "code/env-exfiltration")
        .unwrap();
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["file"], "package-setup.js");
    assert_eq!(f["line"], 15);
    assert_eq!(f["snippet"], "env: env");
}

#[test]
fn benign_folder_exits_0() {
    let dir = corpus("crc32c-native-1.4.0");
    let (code, json) = scan_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(json[0]["verdict"], "clean");
    assert_eq!(json[0]["score"], 0);
}

#[test]
fn tarball_target_and_unreadable_target() {
    // Pack a benign sample into a .tgz in memory (package/ prefix, as npm pack does).
    let dir = corpus("tiny-pubsub-1.2.0");
    let tmp = tempfile::tempdir().unwrap();
    let tgz = tmp.path().join("tiny-pubsub-1.2.0.tgz");
    let file = std::fs::File::create(&tgz).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for name in ["package.json", "dist/tiny-pubsub.umd.min.js"] {
        tar.append_path_with_name(dir.join(name), format!("package/{name}"))
            .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let missing = tmp.path().join("missing.tgz");
    let (code, json) = scan_json(&[tgz.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 2, "an unreadable target means not evaluated");
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["package"], "tiny-pubsub@1.2.0");
    assert_eq!(json[0]["verdict"], "clean");
}
