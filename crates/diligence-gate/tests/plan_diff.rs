//! `plan::diff` on the shared tamper corpus: what an install would add when the lockfile
//! changes from a base to a tampered variant (real lockfiles, exact values).

use diligence_gate::plan::diff;
use std::path::PathBuf;

fn tamper(case: &str, file: &str) -> PathBuf {
    diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
        .join(case)
        .join(file)
}

fn graph(case: &str, file: &str) -> diligence_graph::DependencyGraph {
    diligence_lockfile::read_lockfile(&tamper(case, file)).unwrap()
}

#[test]
fn a_fresh_project_adds_every_registry_package() {
    diligence_testkit::corpus_or_skip!("tamper");
    let after = graph("base-npm-v3", "package-lock.json");
    let plan = diff(None, &after, "npm install".into());
    let registry = after
        .packages
        .iter()
        .filter(|p| p.source.kind() == "registry")
        .map(|p| p.id_string())
        .collect::<std::collections::BTreeSet<_>>();
    let added: Vec<String> = plan
        .added
        .iter()
        .map(|t| format!("{}@{}", t.name, t.version))
        .collect();
    assert_eq!(
        added,
        [
            "@types/debug@4.1.13",
            "@types/ms@2.1.0",
            "debug@4.4.3",
            "is-number@7.0.0",
            "ms@2.1.3",
            "picocolors@1.1.1"
        ]
    );
    assert_eq!(added, registry.into_iter().collect::<Vec<_>>());
    assert!(plan.added.iter().all(|t| t.integrity.is_some()));
    assert!(plan.unvetted.is_empty());
    assert_eq!(plan.packages_after, after.packages.len());
}

#[test]
fn an_unchanged_lockfile_adds_nothing() {
    diligence_testkit::corpus_or_skip!("tamper");
    let g = graph("base-npm-v3", "package-lock.json");
    let plan = diff(Some(&g), &g, "npm install".into());
    assert!(plan.added.is_empty());
    assert!(plan.unvetted.is_empty());
}

#[test]
fn a_switch_to_a_file_source_cannot_be_vetted() {
    diligence_testkit::corpus_or_skip!("tamper");
    let before = graph("base-npm-v3", "package-lock.json");
    let after = graph("npm-v3-T9-1", "package-lock.json");
    let plan = diff(Some(&before), &after, "npm install".into());
    assert!(plan.added.is_empty());
    let gaps: Vec<(String, String)> = plan
        .unvetted
        .iter()
        .map(|n| (n.what.clone(), n.why.clone()))
        .collect();
    assert_eq!(
        gaps,
        [(
            "code of picocolors@1.1.1".to_string(),
            "not from the registry (file:../../../tmp/x/picocolors-1.1.1.tgz): the gate cannot vet it"
                .to_string()
        )]
    );
}
