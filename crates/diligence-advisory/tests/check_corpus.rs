//! `check()` on real lockfiles from the shared corpus: exact rule, package, line, ids, fix.

use diligence_advisory::{AdvisoryDb, check, check_all};
use diligence_finding::{Finding, Severity};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    diligence_testkit::corpus("").expect("shared corpus: the test calls corpus_or_skip! first")
}

fn osv_db() -> AdvisoryDb {
    let osv = corpus().join("advisories/osv");
    AdvisoryDb::load_source(osv.to_str().expect("utf-8")).expect("fixtures")
}

fn npmcli() -> diligence_graph::DependencyGraph {
    let lock = corpus().join("lockfiles/npm-v3-npmcli/package-lock.json");
    diligence_lockfile::read_lockfile(&lock).expect("npm v3 lockfile")
}

fn summary(f: &Finding) -> (String, String, String, u32) {
    let p = f.package.as_ref().expect("package");
    (
        f.rule.clone(),
        p.name.clone(),
        p.version.clone(),
        f.location.as_ref().map_or(0, |l| l.line),
    )
}

#[test]
fn npm_v3_npmcli_vulnerabilities() {
    diligence_testkit::corpus_or_skip!("");
    let mut findings = check(&npmcli(), &osv_db()).expect("check");
    findings.sort_by_key(summary);
    let got: Vec<_> = findings.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            (
                "advisory/vulnerability".to_string(),
                "node-fetch".to_string(),
                "2.7.0".to_string(),
                10196
            ),
            (
                "advisory/vulnerability".to_string(),
                "ws".to_string(),
                "7.5.9".to_string(),
                15491
            ),
        ]
    );
    let fetch = &findings[0];
    assert_eq!(fetch.severity, Severity::High);
    assert_eq!(
        fetch.evidence["ids"],
        serde_json::json!(["GHSA-r683-j2x4-v87g", "CVE-2022-0235"])
    );
    assert_eq!(fetch.evidence["fixed"], "3.1.1");
    assert!(
        fetch.message.contains("fixed in 3.1.1"),
        "{}",
        fetch.message
    );
    let ws = &findings[1];
    assert_eq!(ws.evidence["fixed"], "7.5.10");
    assert_eq!(
        ws.evidence["ids"],
        serde_json::json!(["GHSA-3h5v-q93c-6h6q", "CVE-2024-37890"])
    );
    let chain = ws.evidence["path"]["packages"].as_array().expect("path");
    assert_eq!(chain.last(), Some(&serde_json::json!("ws@7.5.9")));
    assert!(ws.message.contains("> ws@7.5.9"), "{}", ws.message);
}

#[test]
fn real_malware_records_do_not_hit_the_corpus_near_misses() {
    diligence_testkit::corpus_or_skip!("");
    let db = osv_db();
    for dir in [
        "npm-v3-npmcli",
        "npm-v2-axios",
        "pnpm-9.0-astro-twodocs",
        "yarn-v1-webpack",
    ] {
        let dir_path = corpus().join("lockfiles").join(dir);
        let lock = std::fs::read_dir(&dir_path)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                diligence_lockfile::LOCKFILE_NAMES
                    .iter()
                    .any(|n| p.ends_with(n))
            })
            .expect("lockfile");
        let graph = diligence_lockfile::read_lockfile(&lock).expect("lockfile reads");
        let findings = check(&graph, &db).expect("check");
        assert!(
            findings.iter().all(|f| f.rule != "advisory/malware"),
            "{dir}: {:?}",
            findings.iter().map(summary).collect::<Vec<_>>()
        );
    }
}

/// Red-team (hostile input): one cut record in a folder source no longer rejects the whole
/// database; the rest is matched and the cut record is listed as not evaluated.
#[test]
fn cut_record_is_listed_not_evaluated_and_the_rest_still_matches() {
    diligence_testkit::corpus_or_skip!("");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("MAL-0000-node-fetch.json"),
        r#"{"id":"MAL-0000-node-fetch","modified":"2025-09-08T21:22:00.862Z",
            "affected":[{"package":{"ecosystem":"npm","name":"node-fetch"},"versions":["2.7.0"]}]}"#,
    )
    .expect("write");
    std::fs::write(
        dir.path().join("MAL-0001-cut.json"),
        r#"{"id":"MAL-0001-cut","affected":[{"package":{"ecosystem":"npm","na"#,
    )
    .expect("write");
    let db = AdvisoryDb::load_source(dir.path().to_str().expect("utf-8")).expect("load");
    assert_eq!(db.status().unreadable.len(), 1);
    assert!(
        db.status().unreadable[0]
            .place
            .ends_with("MAL-0001-cut.json"),
        "{:?}",
        db.status().unreadable
    );
    let (findings, not_evaluated) = check_all(&npmcli(), &db).expect("check");
    assert_eq!(
        findings.iter().map(summary).collect::<Vec<_>>(),
        vec![(
            "advisory/malware".to_string(),
            "node-fetch".to_string(),
            "2.7.0".to_string(),
            10196
        )]
    );
    assert_eq!(not_evaluated.len(), 1);
    assert!(
        not_evaluated[0].what.starts_with("advisory record ")
            && not_evaluated[0].what.ends_with("MAL-0001-cut.json"),
        "{:?}",
        not_evaluated[0]
    );
    assert!(
        not_evaluated[0].why.starts_with("unreadable: ")
            && not_evaluated[0]
                .why
                .ends_with("the advisories it holds were not matched"),
        "{:?}",
        not_evaluated[0]
    );
}

/// Red-team: a linked folder is read (once, whatever the links), an upper-case `.JSON` is
/// read, and a damaged OSV record that lost its identifying fields is not taken for a
/// Datadog manifest of packages named `aliases`/`related`: it is unreadable, not evaluated.
#[test]
fn linked_folders_upper_case_names_and_osv_lookalikes() {
    diligence_testkit::corpus_or_skip!("");
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real");
    std::fs::create_dir_all(&real).expect("mkdir");
    std::fs::write(
        real.join("MAL-0000-node-fetch.JSON"),
        r#"{"id":"MAL-0000-node-fetch","modified":"2025-09-08T21:22:00.862Z",
            "affected":[{"package":{"ecosystem":"npm","name":"node-fetch"},"versions":["2.7.0"]}]}"#,
    )
    .expect("write");
    let db_dir = dir.path().join("db");
    std::fs::create_dir_all(&db_dir).expect("mkdir");
    std::os::unix::fs::symlink(&real, db_dir.join("npm")).expect("symlink");
    std::os::unix::fs::symlink(&db_dir, db_dir.join("loop")).expect("symlink");
    std::fs::write(
        db_dir.join("GHSA-damaged.json"),
        r#"{"aliases":["CVE-2020-1"],"related":["x"]}"#,
    )
    .expect("write");
    let db = AdvisoryDb::load_source(db_dir.to_str().expect("utf-8")).expect("load");
    assert_eq!(db.status().malware, 1);
    assert_eq!(db.status().unreadable.len(), 1, "{:?}", db.status());
    assert!(db.matches("aliases", "1.0.0").expect("lookup").is_empty());
    let (findings, not_evaluated) = check_all(&npmcli(), &db).expect("check");
    assert_eq!(findings.len(), 1);
    assert_eq!(not_evaluated.len(), 1);
}

/// Red-team: an npm range of a kind this reader does not know, or with no events, makes the
/// package not evaluated instead of silently unaffected; GIT ranges are not npm versions.
#[test]
fn unknown_or_empty_ranges_are_not_evaluated() {
    diligence_testkit::corpus_or_skip!("");
    for (ranges, expect_gap) in [
        (
            r#"[{"type":"SEMVERX","events":[{"introduced":"0"}]}]"#,
            true,
        ),
        (r#"[{"type":"SEMVER","events":[]}]"#, true),
        (
            r#"[{"type":"GIT","repo":"https://example.com/r","events":[{"introduced":"abc"}]}]"#,
            false,
        ),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("GHSA-test-rang-kind.json"),
            format!(
                r#"{{"id":"GHSA-test-rang-kind","modified":"2025-01-01T00:00:00Z",
                "affected":[{{"package":{{"ecosystem":"npm","name":"node-fetch"}},"ranges":{ranges}}}]}}"#
            ),
        )
        .expect("write");
        let db = AdvisoryDb::load_source(dir.path().to_str().expect("utf-8")).expect("load");
        let (findings, not_evaluated) = check_all(&npmcli(), &db).expect("check");
        assert!(findings.is_empty(), "{ranges}");
        let gap = not_evaluated
            .iter()
            .any(|n| n.what == "advisories of node-fetch@2.7.0");
        assert_eq!(gap, expect_gap, "{ranges}: {not_evaluated:?}");
    }
}

#[test]
fn unnumbered_malware_record_is_reported_under_its_file_name() {
    diligence_testkit::corpus_or_skip!("");
    let dir = tempfile::tempdir().expect("tempdir");
    // Shape of the malicious-packages origin files: no `id`.
    std::fs::write(
        dir.path().join("MAL-0000-node-fetch.json"),
        r#"{"modified":"2025-09-08T21:22:00.862Z","schema_version":"1.5.0",
            "summary":"Malicious code in node-fetch (npm)",
            "affected":[{"package":{"ecosystem":"npm","name":"node-fetch"},"versions":["2.7.0"]}]}"#,
    )
    .expect("write");
    let db = AdvisoryDb::load_source(dir.path().to_str().expect("utf-8")).expect("load");
    let findings = check(&npmcli(), &db).expect("check");
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(
        summary(f),
        (
            "advisory/malware".to_string(),
            "node-fetch".to_string(),
            "2.7.0".to_string(),
            10196
        )
    );
    assert_eq!(f.severity, Severity::Critical);
    assert_eq!(
        f.evidence["ids"],
        serde_json::json!(["MAL-0000-node-fetch"])
    );
    assert!(f.message.contains("known malicious"), "{}", f.message);
}

/// npm v1 nests `lodash@4.17.14` in 12 places in lodash's own lockfile: each advisory is one
/// finding for the package, listing all 12 paths and entry lines (it was 12 findings each).
#[test]
fn one_finding_per_package_and_advisory_with_every_path() {
    diligence_testkit::corpus_or_skip!("");
    let lock = corpus().join("lockfiles/npm-v1-lodash/package-lock.json");
    let graph = diligence_lockfile::read_lockfile(&lock).expect("npm v1 lockfile");
    let findings = check(&graph, &osv_db()).expect("check");
    let lodash: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            f.package
                .as_ref()
                .is_some_and(|p| p.name == "lodash" && p.version == "4.17.14")
        })
        .collect();
    assert_eq!(lodash.len(), 3);
    for f in &lodash {
        assert_eq!(f.evidence["entries"], 12);
        assert_eq!(f.evidence["paths"].as_array().map(Vec::len), Some(12));
        assert_eq!(f.evidence["lines"].as_array().map(Vec::len), Some(12));
        assert!(
            f.message
                .ends_with("via async@2.6.3 > lodash@4.17.14 and 11 other paths")
        );
    }
    assert_eq!(findings.len(), 27);
}
