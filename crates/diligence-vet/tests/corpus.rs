//! The 17 real lockfiles of the shared corpus (skipped without it): adopting the ledger
//! (`regenerate-exemptions`) covers exactly the registry set of each `expected.json`, `vet`
//! then reports nothing and evaluates everything, and dropping one exemption makes exactly
//! that package unaudited. Timing is measured by `scripts/bench-vet.sh`, not here.

use diligence_vet::coverage::Status;
use diligence_vet::{Store, ops, vet};
use std::collections::BTreeSet;

#[test]
fn adopting_covers_every_real_lockfile_exactly() {
    let root = diligence_testkit::corpus_or_skip!("lockfiles");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 17);
    for dir in dirs {
        let expected: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
        let file = dir.join(expected["file"].as_str().unwrap());
        let graph = diligence_lockfile::read_lockfile(&file).unwrap();
        let want: BTreeSet<String> = expected["registry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();

        let tmp = tempfile::tempdir().unwrap();
        let store_dir = tmp.path().join("supply-chain");
        let regen = ops::regenerate_exemptions_in(&store_dir, &graph, None).unwrap();
        assert_eq!(regen.removed, 0);
        // One exemption per name@version (copies with sha1 and sha512, or bundled copies
        // without a hash, share one entry).
        assert_eq!(regen.added, want.len(), "{}", dir.display());
        let store = Store::load(&store_dir).unwrap();
        let v = vet(&graph, &store, None);
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        assert!(v.findings.is_empty(), "{name}: {:?}", v.findings);
        assert!(v.not_evaluated.is_empty(), "{name}: {:?}", v.not_evaluated);
        let covered: BTreeSet<String> = v
            .coverage
            .packages
            .iter()
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect();
        assert_eq!(covered, want, "{name}");
        assert!(
            v.coverage
                .packages
                .iter()
                .all(|p| p.evaluation.status == Status::Exempted),
            "{name}"
        );

        // Drop the first exemption: exactly that package is unaudited.
        let text = std::fs::read_to_string(store_dir.join("exemptions.toml")).unwrap();
        let first = text.find("[[exemptions.").unwrap();
        let second = first + 1 + text[first + 1..].find("[[exemptions.").unwrap();
        let dropped = store.exemptions[0].clone();
        std::fs::write(
            store_dir.join("exemptions.toml"),
            format!("{}{}", &text[..first], &text[second..]),
        )
        .unwrap();
        let v = vet(&graph, &Store::load(&store_dir).unwrap(), None);
        let ids: BTreeSet<(String, String)> = v
            .findings
            .iter()
            .map(|f| {
                let p = f.package.as_ref().unwrap();
                (f.rule.clone(), format!("{}@{}", p.name, p.version))
            })
            .collect();
        assert_eq!(
            ids,
            BTreeSet::from([(
                "vet/unaudited".to_string(),
                format!("{}@{}", dropped.package, dropped.version)
            )]),
            "{name}"
        );
    }
}
