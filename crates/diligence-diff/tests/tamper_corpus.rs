//! Every tamper case of the shared corpus, reviewed as a pull request against its untampered
//! base: the review reports exactly the tampered entry (`expect.json` `entry`), with the rule
//! the edit calls for, on the tampered lockfile's line — including T4 (integrity swapped for
//! another real version's), which a single-lockfile check cannot see offline.

use diligence_diff::{change_findings, compare};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn tamper() -> PathBuf {
    diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn graph(dir: &Path) -> diligence_graph::DependencyGraph {
    let lockfile = diligence_lockfile::find_lockfile(dir).expect("lockfile");
    diligence_lockfile::read_lockfile(&lockfile).expect("readable lockfile")
}

type Row = (String, String, u32);
/// (rule, name@version, line).
type Expected = (&'static str, &'static str, u32);

/// (rule, name@version, line) of the review's findings, sorted.
fn review_rows(base: &Path, head: &Path) -> Vec<Row> {
    let (base, head) = (graph(base), graph(head));
    let findings = change_findings(&compare(&base, &head), &base, &head);
    let mut out: Vec<Row> = findings
        .iter()
        .map(|f| {
            let p = f.package.as_ref().expect("package");
            let line = f.location.as_ref().expect("location").line;
            (f.rule.clone(), format!("{}@{}", p.name, p.version), line)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn bases_against_themselves_are_empty() {
    diligence_testkit::corpus_or_skip!("tamper");
    for base in [
        "base-npm-v3",
        "base-yarn-classic",
        "base-yarn-berry",
        "base-pnpm-v9",
        "base-bun",
    ] {
        let dir = tamper().join(base);
        assert_eq!(review_rows(&dir, &dir), Vec::<Row>::new(), "{base}");
    }
}

#[test]
fn every_tamper_case_is_reported_on_its_entry() {
    diligence_testkit::corpus_or_skip!("tamper");
    let expected: &[(&str, &[Expected])] = &[
        (
            "bun-T1-1",
            &[("diff/integrity-changed", "picocolors@1.1.1", 28)],
        ),
        ("bun-T4-1", &[("diff/integrity-changed", "debug@4.4.3", 22)]),
        (
            "bun-T9-1",
            &[
                ("diff/new-source", "ms@link:../../../tmp/x", 26),
                ("diff/version-changed", "ms@link:../../../tmp/x", 26),
            ],
        ),
        (
            "npm-v3-T1-1",
            &[("diff/integrity-changed", "debug@4.4.3", 38)],
        ),
        ("npm-v3-T2-1", &[("diff/integrity-changed", "ms@2.1.3", 64)]),
        (
            "npm-v3-T5-1",
            &[("diff/integrity-changed", "is-number@7.0.0", 53)],
        ),
        (
            "npm-v3-T9-1",
            &[
                ("diff/integrity-changed", "picocolors@1.1.1", 70),
                ("diff/new-source", "picocolors@1.1.1", 70),
            ],
        ),
        (
            "pnpm-v9-T2-1",
            &[("diff/integrity-changed", "debug@4.4.3", 34)],
        ),
        (
            "pnpm-v9-T5-1",
            &[("diff/integrity-changed", "ms@2.1.3", 47)],
        ),
        (
            "pnpm-v9-T8-1",
            &[
                ("diff/integrity-changed", "is-number@7.0.0", 42),
                ("diff/new-source", "is-number@7.0.0", 43),
            ],
        ),
        (
            "yarn-berry-T1-1",
            &[("diff/integrity-changed", "ms@2.1.3", 45)],
        ),
        (
            "yarn-berry-T4-1",
            &[("diff/integrity-changed", "picocolors@1.1.1", 53)],
        ),
        (
            "yarn-berry-T7-1",
            &[("diff/package-added", "evil-pkg@1.0.0", 36)],
        ),
        (
            "yarn-classic-T3-1",
            &[("diff/integrity-changed", "is-number@7.0.0", 26)],
        ),
        (
            "yarn-classic-T6-1",
            &[("diff/integrity-changed", "debug@4.4.3", 19)],
        ),
        (
            "yarn-classic-T8-1",
            &[
                ("diff/integrity-changed", "picocolors@1.1.1", 34),
                ("diff/new-source", "picocolors@1.1.1", 36),
            ],
        ),
    ];
    let mut cases: Vec<PathBuf> = std::fs::read_dir(tamper())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|c| c.join("expect.json").is_file())
        .collect();
    cases.sort();
    assert_eq!(cases.len(), expected.len(), "every case has an expectation");
    for (case, (name, rows)) in cases.iter().zip(expected) {
        assert_eq!(case.file_name().unwrap().to_string_lossy(), *name);
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap())
                .unwrap();
        let base = tamper().join(
            Path::new(expect["base"].as_str().unwrap())
                .file_name()
                .unwrap(),
        );
        let got = review_rows(&base, case);
        let want: Vec<Row> = rows
            .iter()
            .map(|(r, p, l)| (r.to_string(), p.to_string(), *l))
            .collect();
        assert_eq!(got, want, "{name}");
        // The reported package is the tampered entry (by name; bun's link version is a path).
        let entry = expect["entry"].as_str().unwrap();
        let entry_name = entry.rsplit_once('@').map_or(entry, |(n, _)| n);
        assert!(
            got.iter()
                .all(|(_, p, _)| p.starts_with(&format!("{entry_name}@"))),
            "{name}"
        );
    }
}
