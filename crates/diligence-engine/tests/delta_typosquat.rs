//! Typosquats among the names a pull request adds (`diff`, `install`): a mistyped direct
//! dependency is high, as is a slip of a top package pulled in transitively; names the base
//! already had are not judged. (Moved from `diligence-diff`'s review test when the review
//! moved into the engine.)

use diligence_engine::{Command, DeltaInput, Engine, Input, LockfileInput, Settings};
use diligence_finding::Severity;
use diligence_graph::DependencyGraph;
use std::path::Path;

fn lockfile(dir: &Path, root_deps: &str, packages: &str) -> DependencyGraph {
    let text = format!(
        r#"{{"name":"app","lockfileVersion":3,"requires":true,"packages":{{
  "":{{"name":"app","dependencies":{{{root_deps}}}}}{packages}}}}}"#
    );
    let path = dir.join("package-lock.json");
    std::fs::write(&path, text).unwrap();
    diligence_lockfile::read_lockfile(&path).unwrap()
}

fn entry(name: &str, deps: &str) -> String {
    format!(
        r#",
  "node_modules/{name}":{{"version":"1.0.0","resolved":"https://registry.npmjs.org/{name}/-/{name}-1.0.0.tgz","integrity":"sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==","dependencies":{{{deps}}}}}"#
    )
}

#[test]
fn added_names_are_judged_as_typed_or_locked() {
    let dir = tempfile::tempdir().unwrap();
    let base_dir = dir.path().join("base");
    std::fs::create_dir_all(&base_dir).unwrap();
    let base = lockfile(&base_dir, r#""chalky":"^1""#, &entry("chalky", ""));
    let packages = [
        entry("chalky", ""),
        entry("expresss", r#""lodahs":"^1","reacts":"^1""#),
        entry("lodahs", ""),
        entry("reacts", ""),
    ]
    .concat();
    let head = lockfile(dir.path(), r#""chalky":"^1","expresss":"^1""#, &packages);
    let mut settings = Settings::for_project(dir.path());
    settings.command = Command::Diff;
    settings.registry = false;
    settings.code = false;
    settings.advisories = false;
    settings.progress = false;
    let input = Input::Delta(Box::new(DeltaInput {
        base: LockfileInput::on_disk(base, base_dir.clone()),
        head: LockfileInput::on_disk(head, dir.path().to_path_buf()),
        label: "test".into(),
        config_changes: Vec::new(),
        base_config: None,
        ledger: Default::default(),
    }));
    let run = Engine::new(settings).unwrap().run(input).unwrap();
    let found: Vec<(String, Severity)> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule == "metadata/typosquat")
        .map(|f| (f.package.as_ref().unwrap().name.clone(), f.severity))
        .collect();
    assert_eq!(
        found,
        [
            ("expresss".to_string(), Severity::High),
            ("lodahs".to_string(), Severity::High),
            ("reacts".to_string(), Severity::Low),
        ]
    );
}
