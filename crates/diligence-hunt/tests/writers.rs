//! The four writers on the scripted story (commit ids are stable: authors, committers and
//! dates are fixed): snapshots of the human, Markdown and CSV output, and the JSON output
//! validated against `schema/diligence.hunt-1.schema.json`.

mod support;

use diligence_hunt::ioc::parse_line;
use diligence_hunt::report::HuntReport;
use diligence_hunt::spec::PackageSpec;
use diligence_hunt::{HuntOptions, HuntQuery};
use serde_json::Value;
use std::path::Path;
use support::*;

fn story_report(s: &Story) -> HuntReport {
    let query = HuntQuery {
        specs: vec![
            PackageSpec::parse("debug@4.4.2").unwrap(),
            PackageSpec::parse("ms@2.0.0").unwrap(),
        ],
        indicators: vec![parse_line("evil.example").unwrap()],
    };
    let options = HuntOptions {
        all_refs: true,
        ..Default::default()
    };
    diligence_hunt::hunt(std::slice::from_ref(&s.repo.dir), &query, &options)
}

/// Output with the temporary folder replaced and ANSI styles removed.
fn normalise(text: &str, repo: &Path) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out.replace(&repo.display().to_string(), "<repo>")
}

fn written(
    report: &HuntReport,
    write: fn(&HuntReport, &mut dyn std::io::Write) -> std::io::Result<()>,
    repo: &Path,
) -> String {
    let mut buf = Vec::new();
    write(report, &mut buf).unwrap();
    normalise(&String::from_utf8(buf).unwrap(), repo)
}

#[test]
fn human_timeline() {
    let s = story();
    let report = story_report(&s);
    insta::assert_snapshot!(written(
        &report,
        diligence_hunt::write::human::write,
        &s.repo.dir
    ));
}

#[test]
fn markdown_for_a_ticket() {
    let s = story();
    let report = story_report(&s);
    insta::assert_snapshot!(written(
        &report,
        diligence_hunt::write::markdown::write,
        &s.repo.dir
    ));
}

#[test]
fn csv_rows_per_event() {
    let s = story();
    let report = story_report(&s);
    let csv = written(&report, diligence_hunt::write::csv::write, &s.repo.dir);
    assert!(csv.starts_with(
        "repository,date,event,package,version,matched_by,field,commit,author,email,on,lockfiles,dependency_path,still_in,detail\r\n"
    ));
    insta::assert_snapshot!(csv);
}

fn schema() -> jsonschema::Validator {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/diligence.hunt-1.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("valid schema")
}

fn assert_valid(doc: &Value) {
    let errors: Vec<String> = schema()
        .iter_errors(doc)
        .take(5)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn json_validates_against_the_schema() {
    let s = story();
    let report = story_report(&s);
    let mut buf = Vec::new();
    diligence_hunt::write::json::write(&report, &mut buf).unwrap();
    let doc: Value = serde_json::from_slice(&buf).unwrap();
    assert_valid(&doc);
    assert_eq!(doc["schema"], "diligence.hunt/1");
    assert_eq!(doc["summary"]["matches"], 1);
    assert_eq!(
        doc["query"]["indicators"][0],
        serde_json::json!({"kind": "host", "value": "evil.example"})
    );
    let m = &doc["repositories"][0]["matches"][0];
    assert_eq!(m["first"]["id"], s.c[1].as_str());
    assert_eq!(m["events"][1]["event"], "removed");
    assert_eq!(
        m["matched_by"],
        serde_json::json!({"kind": "spec", "value": "debug@4.4.2", "field": "version"})
    );

    // A report with not-evaluated records, a window start and a failed repository validates too.
    let dir = tempfile::tempdir().unwrap();
    let query = HuntQuery {
        specs: vec![PackageSpec::parse("debug@4.4.2").unwrap()],
        indicators: vec![],
    };
    let options = HuntOptions {
        all_refs: true,
        since: Some(diligence_hunt::parse_since("2025-01-04T00:00:00Z").unwrap()),
        max_blob_bytes: 500,
        ..Default::default()
    };
    let report = diligence_hunt::hunt(
        &[s.repo.dir.clone(), dir.path().to_path_buf()],
        &query,
        &options,
    );
    let mut buf = Vec::new();
    diligence_hunt::write::json::write(&report, &mut buf).unwrap();
    let doc: Value = serde_json::from_slice(&buf).unwrap();
    assert_valid(&doc);
    assert_eq!(doc["summary"]["not_evaluated"], 3);
    assert_eq!(report.exit_code(), 2);
}
