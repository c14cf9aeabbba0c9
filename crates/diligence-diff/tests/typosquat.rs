//! Typosquats among the names a pull request adds: a mistyped direct dependency is high, as is
//! a slip of a top package pulled in transitively; names the base already had are not judged.

use diligence_diff::{ReviewOptions, review};
use diligence_finding::Severity;
use diligence_graph::DependencyGraph;

fn lockfile(dir: &std::path::Path, root_deps: &str, packages: &str) -> DependencyGraph {
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
    let base = lockfile(dir.path(), r#""chalky":"^1""#, &entry("chalky", ""));
    let packages = [
        entry("chalky", ""),
        entry("expresss", r#""lodahs":"^1","reacts":"^1""#),
        entry("lodahs", ""),
        entry("reacts", ""),
    ]
    .concat();
    let head = lockfile(dir.path(), r#""chalky":"^1","expresss":"^1""#, &packages);
    let allowlist = Vec::new();
    let r = review(
        &base,
        &head,
        &ReviewOptions {
            typosquat_allowlist: Some(&allowlist),
            ..ReviewOptions::default()
        },
    );
    let found: Vec<(String, Severity)> = r
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
