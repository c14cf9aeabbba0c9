//! Yarn's cache zip rebuilt from real registry tarballs matches the checksums yarn 4 wrote in
//! the tamper corpus's berry lockfile; the T4 case (a checksum swapped for another version's)
//! is a finding.

use diligence_berry::{Checksum, check, checksum_hex};
use diligence_finding::Outcome;
use std::path::Path;

fn data(file: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(file),
    )
    .unwrap()
}

fn checksum_of(graph: &diligence_graph::DependencyGraph, name: &str) -> String {
    let p = graph.packages.iter().find(|p| p.name == name).unwrap();
    p.integrity.as_ref().unwrap().to_string()
}

#[test]
fn rebuilt_zips_match_yarn_4() {
    let Some(dir) = diligence_testkit::corpus("tamper/base-yarn-berry") else {
        return;
    };
    let graph = diligence_lockfile::read_lockfile(&dir.join("yarn.lock")).unwrap();
    for (name, file) in [
        ("ms", "ms-2.1.3.tgz"),
        ("picocolors", "picocolors-1.1.1.tgz"),
    ] {
        let locked = checksum_of(&graph, name);
        let sum = Checksum::parse(&locked);
        assert_eq!(sum.cache_key, "10c0");
        assert_eq!(checksum_hex(&data(file), name).unwrap(), sum.hex, "{name}");
        let p = graph.packages.iter().find(|p| p.name == name).unwrap();
        let tgz = data(file);
        assert_eq!(check(p, "yarn.lock", &locked, Ok(&tgz)), Outcome::Clean);
    }
}

#[test]
fn a_swapped_checksum_is_a_finding_and_compressed_caches_are_not_evaluated() {
    let Some(dir) = diligence_testkit::corpus("tamper/base-yarn-berry") else {
        return;
    };
    let graph = diligence_lockfile::read_lockfile(&dir.join("yarn.lock")).unwrap();
    let ms = graph.packages.iter().find(|p| p.name == "ms").unwrap();
    let tgz = data("ms-2.1.3.tgz");
    // picocolors' checksum on the ms entry.
    let wrong = checksum_of(&graph, "picocolors");
    let Outcome::Finding(f) = check(ms, "yarn.lock", &wrong, Ok(&tgz)) else {
        panic!("expected a finding");
    };
    assert_eq!(f.rule, "registry/berry-checksum");
    assert_eq!(f.location.as_ref().unwrap().file, "yarn.lock");
    assert!(f.location.as_ref().unwrap().line > 0);
    assert_eq!(f.evidence["expected"], wrong.as_str());
    // A `mixed` cache (cache key without c0): not evaluated, with what was verified instead.
    let mixed = format!("10/{}", Checksum::parse(&wrong).hex);
    let Outcome::NotEvaluated(ne) = check(ms, "yarn.lock", &mixed, Ok(&tgz)) else {
        panic!("expected not evaluated");
    };
    assert_eq!(ne.what, "registry/berry-checksum of ms@2.1.3");
    assert_eq!(ne.rule(), Some("registry/berry-checksum"));
    assert!(
        ne.why
            .contains("its tarball matches the packument's integrity"),
        "{}",
        ne.why
    );
    // No tarball: not evaluated, naming why.
    let Outcome::NotEvaluated(ne) = check(ms, "yarn.lock", &wrong, Err("offline".into())) else {
        panic!("expected not evaluated");
    };
    assert_eq!(ne.why, "offline");
}
