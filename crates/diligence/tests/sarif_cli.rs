//! SARIF from `audit` and `scan` on real inputs validates against the official SARIF 2.1.0
//! schema (kept as test data in diligence-report), and `audit --format json` against
//! `schema/diligence.report-1.schema.json`. Offline: no registry, no network.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn validate(schema_file: &Path, doc: &serde_json::Value) {
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(schema_file).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", schema_file.display());
}

fn run(args: &[&str]) -> (i32, serde_json::Value) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), doc)
}

#[test]
fn audit_sarif_and_json_validate() {
    let tamper = diligence_testkit::corpus_or_skip!("tamper/npm-v3-T1-1");
    let tamper = tamper.to_str().unwrap();
    let offline = ["--no-advisories", "--no-registry", "--no-code"];
    let (code, sarif) = run(&[&["audit", tamper, "--format", "sarif"][..], &offline[..]].concat());
    assert_eq!(code, 1);
    validate(
        &repo("crates/diligence-report/tests/data/sarif-2.1.0.json"),
        &sarif,
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "lockfile/resolved-host"),
        "{results:#?}"
    );
    let (_, json) = run(&[&["audit", tamper, "--format", "json"][..], &offline[..]].concat());
    validate(&repo("schema/diligence.report-1.schema.json"), &json);
}

#[test]
fn scan_sarif_validates() {
    let sample = diligence_testkit::corpus_or_skip!("malicious-dev/corss-env-7.0.4");
    let (code, sarif) = run(&["scan", sample.to_str().unwrap(), "--format", "sarif"]);
    assert_eq!(code, 1);
    validate(
        &repo("crates/diligence-report/tests/data/sarif-2.1.0.json"),
        &sarif,
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "code/env-exfiltration"),
        "{results:#?}"
    );
}
