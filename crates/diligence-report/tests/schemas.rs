//! The JSON and SARIF writers' output on real inputs validates against the published schemas:
//! `schema/diligence.report-1.schema.json` (ours) and Microsoft's SARIF 2.1.0 schema
//! (`tests/data/sarif-2.1.0.json`, see `tests/data/README.md`).
//!
//! Reports are built the way `diligence audit` builds its offline layer: every corpus lockfile
//! (real projects) and every tamper case (findings with evidence) is read and checked by the
//! lockfile rules.

use diligence_finding::{NotEvaluated, Report, Rule, Severity, Target, TargetLockfile};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus(sub: &str) -> PathBuf {
    diligence_testkit::corpus(sub).expect("shared corpus: the test calls corpus_or_skip! first")
}

fn load_schema(path: &Path) -> jsonschema::Validator {
    let text = std::fs::read_to_string(path).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::validator_for(&schema).expect("valid schema")
}

fn report_schema() -> jsonschema::Validator {
    load_schema(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/diligence.report-1.schema.json"),
    )
}

fn sarif_schema() -> jsonschema::Validator {
    load_schema(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-2.1.0.json"))
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// (case folder, report) for every lockfile found one level below `dir`.
fn reports_under(dir: &Path) -> Vec<(String, Report)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let Ok(lockfile) = diligence_lockfile::find_lockfile(&path) else {
            continue;
        };
        let Ok(graph) = diligence_lockfile::read_lockfile(&lockfile) else {
            continue;
        };
        let findings = diligence_lockfile_rules::check(
            &graph,
            &diligence_lockfile_rules::LockfilePolicy::default(),
        );
        let target = Target {
            path: path.display().to_string(),
            lockfile: Some(TargetLockfile {
                path: lockfile.display().to_string(),
                format: graph.lockfile.format.as_str().to_string(),
                version: graph.lockfile.version.clone(),
            }),
        };
        let not_evaluated = vec![NotEvaluated {
            what: "advisories".into(),
            why: "no database (test)".into(),
        }];
        let report = Report::new(target, graph.packages.len(), findings, not_evaluated);
        out.push((entry.file_name().to_string_lossy().into_owned(), report));
    }
    out
}

fn all_reports() -> Vec<(String, Report)> {
    let mut all = reports_under(&corpus("lockfiles"));
    assert_eq!(all.len(), 17, "every real corpus lockfile is read");
    let tamper = reports_under(&corpus("tamper"));
    assert!(tamper.len() >= 20, "tamper cases read: {}", tamper.len());
    all.extend(tamper);
    all
}

#[test]
fn json_reports_validate_against_the_report_schema() {
    diligence_testkit::corpus_or_skip!("");
    let validator = report_schema();
    let mut findings = 0;
    for (name, report) in all_reports() {
        let mut buf = Vec::new();
        diligence_report::json::write(&report, &mut buf).unwrap();
        let doc: Value = serde_json::from_slice(&buf).unwrap();
        assert_valid(&validator, &doc, &name);
        findings += report.findings.len();
    }
    assert!(
        findings > 100,
        "the reports carry findings with evidence ({findings})"
    );
}

#[test]
fn report_schema_rejects_wrong_documents() {
    diligence_testkit::corpus_or_skip!("");
    let validator = report_schema();
    let (_, report) = all_reports()
        .into_iter()
        .find(|(_, r)| !r.findings.is_empty())
        .unwrap();
    let good = serde_json::to_value(&report).unwrap();
    let mut bad = good.clone();
    bad["findings"][0]["severity"] = "urgent".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good.clone();
    bad["schema"] = "diligence.report/2".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good;
    bad["summary"]["extra"] = 1.into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn sarif_logs_validate_against_the_official_schema() {
    diligence_testkit::corpus_or_skip!("");
    let validator = sarif_schema();
    let rules: Vec<&'static Rule> = diligence_lockfile_rules::rules();
    for (name, report) in all_reports() {
        let mut buf = Vec::new();
        diligence_report::sarif::write(&report, &rules, &mut buf).unwrap();
        let doc: Value = serde_json::from_slice(&buf).unwrap();
        assert_valid(&validator, &doc, &name);
        assert_eq!(
            doc["runs"][0]["results"].as_array().unwrap().len(),
            report.findings.len(),
            "{name}: one result per finding"
        );
    }
}

#[test]
fn sarif_schema_rejects_wrong_logs() {
    diligence_testkit::corpus_or_skip!("");
    let validator = sarif_schema();
    let (_, report) = all_reports()
        .into_iter()
        .find(|(_, r)| !r.findings.is_empty())
        .unwrap();
    let good = diligence_report::sarif::to_value(&report, &diligence_lockfile_rules::rules());
    assert!(validator.is_valid(&good));
    let mut bad = good.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad));
    let mut bad = good;
    bad["version"] = "2.0.0".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn markdown_of_real_reports_stays_under_the_limit() {
    diligence_testkit::corpus_or_skip!("");
    for (name, report) in all_reports() {
        let mut buf = Vec::new();
        diligence_report::markdown::write(&report, Severity::High, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(
            text.chars().count() < diligence_report::markdown::GITHUB_COMMENT_LIMIT,
            "{name}"
        );
    }
}

/// What `diligence scan` reports: every malicious-dev sample scanned by the code analyser,
/// as one report whose findings point at the package files.
fn scan_report() -> Report {
    let dir = corpus("malicious-dev");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("malicious-dev")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    let mut findings = Vec::new();
    for path in &entries {
        let scan = diligence_analyze::scan_dir(path, &diligence_analyze::ScanOptions::default())
            .expect("scan");
        let (name, version) = scan.package.rsplit_once('@').unwrap_or((&scan.package, ""));
        findings.extend(scan.to_findings(name, version));
    }
    let target = Target {
        path: dir.display().to_string(),
        lockfile: None,
    };
    Report::new(target, entries.len(), findings, vec![])
}

#[test]
fn scan_findings_validate_as_report_and_sarif() {
    diligence_testkit::corpus_or_skip!("");
    let report = scan_report();
    assert!(
        report.findings.len() > 30,
        "{} findings",
        report.findings.len()
    );
    let doc = serde_json::to_value(&report).unwrap();
    assert_valid(&report_schema(), &doc, "scan report");
    let sarif = diligence_report::sarif::to_value(&report, &diligence_analyze::rules());
    assert_valid(&sarif_schema(), &sarif, "scan SARIF");
    // Code findings carry their file and line as the SARIF region.
    let with_region = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(0))
        .count();
    assert!(with_region > 0);
    if let Some(out) = std::env::var_os("DILIGENCE_SARIF_DUMP") {
        std::fs::write(out, serde_json::to_vec_pretty(&sarif).unwrap()).unwrap();
    }
}
