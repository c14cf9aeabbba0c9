//! Behaviour fixtures (`tests/fixtures/behaviour`): packages modelled on the attack classes the
//! analyser must catch, and benign look-alikes it must leave clean. Written for these tests;
//! never run.

use diligence_analyze::{ScanOptions, Verdict, scan_dir};
use std::path::Path;

fn verdict(kind: &str, name: &str) -> (Verdict, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/behaviour")
        .join(kind)
        .join(name);
    let s = scan_dir(&dir, &ScanOptions::default()).expect("fixture is readable");
    let rules = s
        .findings
        .iter()
        .map(|f| format!("{} {} {}:{}", f.severity.as_str(), f.rule, f.file, f.line))
        .collect();
    (s.verdict, rules)
}

#[test]
fn attacks_are_malicious() {
    for name in ["clip", "dns", "firefox", "ghost", "keylog", "tsx", "wp"] {
        let (v, rules) = verdict("malicious", name);
        assert_eq!(v, Verdict::Malicious, "{name}: {rules:#?}");
    }
}

#[test]
fn look_alikes_are_clean() {
    for name in [
        "analytics",
        "awsish",
        "daemon",
        "prebuilt",
        "sentryish",
        "telemetry",
        "tmpl",
        "updater",
    ] {
        let (v, rules) = verdict("benign", name);
        assert_eq!(v, Verdict::Clean, "{name}: {rules:#?}");
    }
}
