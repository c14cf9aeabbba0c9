//! Advisories in a delta (`diff`, `install`): only the matches the head adds are reported.
//! Uses the shared OSV snapshot and its answer file for the real axios lockfile.

use diligence_engine::{Command, DeltaInput, Engine, Input, LockfileInput, Settings};
use diligence_graph::DependencyGraph;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn offline_settings(dir: &Path, osv: &Path) -> Settings {
    let mut s = Settings::for_project(dir);
    s.command = Command::Diff;
    s.registry = false;
    s.code = false;
    s.progress = false;
    s.db = Some(osv.display().to_string());
    s
}

fn advisory_packages(
    base: &DependencyGraph,
    head: &DependencyGraph,
    dir: &Path,
    osv: &Path,
) -> BTreeSet<String> {
    let input = Input::Delta(Box::new(DeltaInput {
        base: LockfileInput::on_disk(base.clone(), dir.to_path_buf()),
        head: LockfileInput::on_disk(head.clone(), dir.to_path_buf()),
        label: "test".into(),
        config_changes: Vec::new(),
        base_config: None,
        ledger: Default::default(),
    }));
    let run = Engine::new(offline_settings(dir, osv))
        .unwrap()
        .run(input)
        .unwrap();
    let gaps: Vec<_> = run
        .report
        .not_evaluated
        .iter()
        .filter(|n| !n.what.starts_with("lockfile/"))
        .collect();
    assert!(gaps.is_empty(), "{gaps:?}");
    run.report
        .findings
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
    let (Some(dir), Some(osv), Some(answers)) = (
        diligence_testkit::corpus("lockfiles/npm-v2-axios"),
        diligence_testkit::corpus("advisories/osv"),
        diligence_testkit::corpus("advisories/expected-matches.json"),
    ) else {
        return;
    };
    let head = diligence_lockfile::read_lockfile(&dir.join("package-lock.json")).expect("axios");
    let empty = DependencyGraph::new(head.lockfile.clone());
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(answers).unwrap()).unwrap();
    let want: BTreeSet<String> = expected["npm-v2-axios"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(want.len(), 18);
    assert_eq!(advisory_packages(&empty, &head, &dir, &osv), want);
    // Pre-existing matches are not the pull request's doing.
    assert_eq!(advisory_packages(&head, &head, &dir, &osv), BTreeSet::new());
}
