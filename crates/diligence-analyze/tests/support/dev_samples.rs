//! The development samples under `eval/dev/<set>/` (they live in the repository, so tests that
//! use them need no shared corpus): scanning one, and checking its key finding and verdict.
#![allow(dead_code)] // each test file uses its own part

use diligence_analyze::{PackageScan, ScanOptions, Verdict, scan_dir};
use diligence_finding::Severity;
use std::path::Path;

/// Scans the sample folder `eval/dev/<set>/<sample>`.
pub fn scan(set: &str, sample: &str) -> PackageScan {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../eval/dev")
        .join(set)
        .join(sample);
    scan_dir(&dir, &ScanOptions::default()).expect("sample is readable")
}

/// Asserts that the sample has a `rule` finding at `file:line` with `severity`, and `verdict`.
#[track_caller]
pub fn key(
    set: &str,
    sample: &str,
    (rule, file, line, severity): (&str, &str, u32, Severity),
    verdict: Verdict,
) {
    let s = scan(set, sample);
    assert!(
        s.findings
            .iter()
            .any(|f| f.rule == rule && f.file == file && f.line == line && f.severity == severity),
        "{sample}: no {rule} {severity:?} at {file}:{line}; got {:#?}",
        s.findings
            .iter()
            .map(|f| format!("{} {:?} {}:{}", f.rule, f.severity, f.file, f.line))
            .collect::<Vec<_>>()
    );
    assert_eq!(s.verdict, verdict, "{sample}");
}

/// [`key`] for the common case: a critical `rule` finding at `file:line` and a malicious verdict.
#[track_caller]
pub fn critical(set: &str, sample: &str, rule: &str, file: &str, line: u32) {
    key(
        set,
        sample,
        (rule, file, line, Severity::Critical),
        Verdict::Malicious,
    );
}
