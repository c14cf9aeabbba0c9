//! Sources the readers must not misclassify: URL schemes and hosts in any letter case
//! (WHATWG: both are case-insensitive; npm fetches `HTTPS://…`), and `resolved` values npm
//! reads as local paths while package.json asks for a registry range. Each case edits one
//! `resolved` of the corpus's untampered npm v3 base lockfile.

mod common;

use common::*;
use diligence_finding::{Finding, Severity};
use diligence_graph::{Importer, LockfileFormat, PackageId, Source};
use diligence_lockfile_rules::{LockfilePolicy, check};

/// Findings for the base npm v3 lockfile with its first `from` replaced by `to`.
fn edited(from: &str, to: &str) -> Vec<Finding> {
    let base = diligence_testkit::corpus("tamper/base-npm-v3")
        .expect("shared corpus: the test calls corpus_or_skip! first");
    let original = std::fs::read_to_string(base.join("package-lock.json")).expect("base lockfile");
    let text = original.replacen(from, to, 1);
    assert_ne!(text, original, "edit {from} changed nothing");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("package-lock.json"), text).expect("write");
    std::fs::copy(base.join("package.json"), dir.path().join("package.json")).expect("copy");
    let graph = diligence_lockfile::read_lockfile(&dir.path().join("package-lock.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    check(&graph, &LockfilePolicy::default())
}

/// `(rule, package@version, line)` of every finding.
fn summary(findings: &[Finding]) -> Vec<(String, String, u32)> {
    findings
        .iter()
        .map(|f| {
            let p = f.package.as_ref().expect("package");
            let line = f.location.as_ref().map_or(0, |l| l.line);
            (
                f.rule.to_string(),
                format!("{}@{}", p.name, p.version),
                line,
            )
        })
        .collect()
}

fn one(rule: &str, id: &str, line: u32) -> Vec<(String, String, u32)> {
    vec![(rule.to_string(), id.to_string(), line)]
}

#[test]
fn uppercase_scheme_and_host_are_judged_as_urls() {
    diligence_testkit::corpus_or_skip!("tamper");
    let findings = edited(
        "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
        "HTTPS://EVIL.EXAMPLE/ms/-/ms-2.1.3.tgz",
    );
    assert_eq!(
        summary(&findings),
        one("lockfile/resolved-host", "ms@2.1.3", 64)
    );
    assert!(findings[0].message.contains("`evil.example`"));
    assert_eq!(findings[0].severity, Severity::High);
}

#[test]
fn mixed_case_allowed_registry_host_is_allowed() {
    diligence_testkit::corpus_or_skip!("tamper");
    let findings = edited(
        "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
        "https://Registry.NPMJS.org/ms/-/ms-2.1.3.tgz",
    );
    assert!(findings.is_empty(), "{findings:#?}");
    let findings = edited(
        "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
        "Https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
    );
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn uppercase_non_registry_url_is_a_remote_tarball() {
    diligence_testkit::corpus_or_skip!("tamper");
    let findings = edited(
        "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz",
        "HTTPS://EVIL.EXAMPLE/is-number.tgz",
    );
    let rules: Vec<(String, String, u32)> = summary(&findings);
    assert!(
        rules.contains(&(
            "lockfile/spec-source-mismatch".into(),
            "is-number@7.0.0".into(),
            55
        )),
        "{rules:?}"
    );
    assert!(
        rules.iter().all(|(r, _, _)| r != "lockfile/local-source"),
        "{rules:?}"
    );
}

#[test]
fn registry_range_installed_from_a_local_path_is_a_mismatch() {
    diligence_testkit::corpus_or_skip!("tamper");
    for path in ["evil.example/is-number-7.0.0.tgz", "javascript:alert(1)"] {
        let findings = edited(
            "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz",
            path,
        );
        let hits: Vec<_> = summary(&findings)
            .into_iter()
            .filter(|(r, _, _)| r == "lockfile/spec-source-mismatch")
            .collect();
        assert_eq!(
            hits,
            one("lockfile/spec-source-mismatch", "is-number@7.0.0", 55),
            "{path}"
        );
        let f = findings
            .iter()
            .find(|f| f.rule == "lockfile/spec-source-mismatch")
            .expect("finding");
        assert!(f.message.contains("`^7.0.0`"), "{}", f.message);
        assert_eq!(f.severity, Severity::High);
    }
}

#[test]
fn a_file_spec_for_a_local_source_is_not_a_mismatch() {
    let mut g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "is-number",
            "7.0.0",
            Source::File {
                path: "../vendor/is-number".into(),
            },
            None,
            10,
        )],
    );
    g.importers[0].dependencies[0].spec = "file:../vendor/is-number".into();
    assert!(of(&run(&g), "lockfile/spec-source-mismatch").is_empty());
    // The same entry asked for by range is reported.
    g.importers[0].dependencies[0].spec = "^7.0.0".into();
    assert_one(
        &run(&g),
        "lockfile/spec-source-mismatch",
        "is-number@7.0.0",
        12,
        Severity::High,
    );
}

#[test]
fn a_link_to_a_workspace_member_is_not_a_mismatch() {
    let mut g = graph(
        LockfileFormat::Pnpm,
        vec![pkg(
            "lib",
            "1.0.0",
            Source::Link {
                path: "packages/lib".into(),
            },
            None,
            10,
        )],
    );
    g.importers.push(Importer {
        path: "packages/lib".into(),
        name: None,
        dependencies: Vec::new(),
        package: None,
    });
    assert!(of(&run(&g), "lockfile/spec-source-mismatch").is_empty());
    // By name or by node as well.
    g.importers[1].path = "libs/other".into();
    g.importers[1].name = Some("lib".into());
    assert!(of(&run(&g), "lockfile/spec-source-mismatch").is_empty());
    g.importers[1].name = None;
    g.importers[1].package = Some(PackageId(0));
    assert!(of(&run(&g), "lockfile/spec-source-mismatch").is_empty());
    // A link to a folder that is no importer is reported.
    g.importers[1].package = None;
    assert_one(
        &run(&g),
        "lockfile/spec-source-mismatch",
        "lib@1.0.0",
        12,
        Severity::High,
    );
}
