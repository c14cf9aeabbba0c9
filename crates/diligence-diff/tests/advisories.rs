//! Advisories in a review: only the matches the head adds are reported. Uses the shared OSV
//! snapshot and its answer file for the real axios lockfile.

use diligence_diff::{ReviewOptions, review};
use diligence_graph::DependencyGraph;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn corpus(sub: &str) -> PathBuf {
    diligence_testkit::corpus(sub).expect("shared corpus: the test calls corpus_or_skip! first")
}

fn advisory_packages(base: &DependencyGraph, head: &DependencyGraph) -> BTreeSet<String> {
    let osv = corpus("advisories/osv");
    let db =
        diligence_advisory::AdvisoryDb::load_source(osv.to_str().unwrap()).expect("OSV snapshot");
    let r = review(
        base,
        head,
        &ReviewOptions {
            advisories: Some(&db),
            ..ReviewOptions::default()
        },
    );
    assert!(r.not_evaluated.is_empty(), "{:?}", r.not_evaluated);
    r.findings
        .iter()
        .filter(|f| f.rule.starts_with("advisory/"))
        .map(|f| {
            let p = f.package.as_ref().unwrap();
            format!("{}@{}", p.name, p.version)
        })
        .collect()
}

#[test]
fn a_new_lockfile_brings_every_match_and_an_unchanged_one_none() {
    diligence_testkit::corpus_or_skip!("");
    let lockfile = corpus("lockfiles/npm-v2-axios/package-lock.json");
    let head = diligence_lockfile::read_lockfile(&lockfile).expect("axios lockfile");
    let empty = DependencyGraph::new(head.lockfile.clone());
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(corpus("advisories/expected-matches.json")).unwrap(),
    )
    .unwrap();
    let want: BTreeSet<String> = expected["npm-v2-axios"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(want.len(), 18);
    assert_eq!(advisory_packages(&empty, &head), want);
    // Pre-existing matches are not the pull request's doing.
    assert_eq!(advisory_packages(&head, &head), BTreeSet::new());
}
