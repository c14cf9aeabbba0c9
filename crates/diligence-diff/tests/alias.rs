//! An added `npm:` alias names both the alias (what `package.json` shows the reviewer) and the
//! real package.

use diligence_diff::{change_findings, compare};
use std::path::Path;

fn lock(text: &str) -> diligence_graph::DependencyGraph {
    diligence_lockfile::parse_lockfile(Path::new("package-lock.json"), text, None)
        .expect("lockfile")
}

#[test]
fn an_added_alias_names_both() {
    let integrity = format!("sha512-{}", "AQEB".repeat(21) + "AQ==");
    let base = lock(r#"{"lockfileVersion": 3, "packages": {"": {"name": "app"}}}"#);
    let head = lock(
        &r#"{"lockfileVersion": 3, "packages": {
            "": {"name": "app", "dependencies": {"chalk-next": "npm:chalk@5.6.1", "ms": "2.1.3"}},
            "node_modules/chalk-next": {"name": "chalk", "version": "5.6.1",
                "resolved": "https://registry.npmjs.org/chalk/-/chalk-5.6.1.tgz", "integrity": "{I}"},
            "node_modules/ms": {"version": "2.1.3",
                "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz", "integrity": "{I}"}
        }}"#
            .replace("{I}", &integrity),
    );
    let findings = change_findings(&compare(&base, &head), &base, &head);
    let added: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "diff/package-added")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "chalk@5.6.1 added as `chalk-next` (an alias) (direct dependency)",
            "ms@2.1.3 added (direct dependency)"
        ]
    );
    let alias = findings
        .iter()
        .find(|f| f.rule == "diff/package-added" && f.evidence["alias"] == "chalk-next");
    assert!(alias.is_some(), "{findings:?}");
}
