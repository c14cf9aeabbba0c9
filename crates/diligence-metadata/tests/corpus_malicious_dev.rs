//! The shared `malicious-dev` corpus: the metadata-level rules on its package names and its
//! one registry manifest.

use diligence_finding::Severity;
use diligence_metadata::typosquat::{NameContext, severity};
use diligence_metadata::{check_manifest_confusion, typosquat};
use diligence_packument::VersionManifest;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    diligence_testkit::corpus("malicious-dev")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn package_json(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("package.json")).unwrap()).unwrap()
}

/// Every sample's name through the typosquat rule, as a name someone asks for: only the one
/// labelled `typosquat-name` is flagged at medium or above (two others match weakly: low).
#[test]
fn typosquat_over_sample_names_follows_the_labels() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("label.json").is_file())
        .collect();
    entries.sort();
    assert_eq!(entries.len(), 22);
    for dir in entries {
        let manifest = package_json(&dir);
        let name = manifest["name"].as_str().unwrap();
        let label: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("label.json")).unwrap()).unwrap();
        let labelled = label["indicators"]
            .as_array()
            .is_some_and(|i| i.iter().any(|x| x == "typosquat-name"));
        let m = typosquat(name).filter(|m| {
            severity(m, NameContext::Requested { exists: Some(true) }) >= Severity::Medium
        });
        assert_eq!(m.is_some(), labelled, "{name}: {m:?}");
        if let Some(m) = m {
            assert_eq!(
                (m.name.as_str(), m.target.as_str()),
                ("corss-env", "cross-env")
            );
        }
    }
}

/// `rgx-bin-14.1.0/registry-manifest.json` is the registry's view of the tarball's
/// `package.json` and matches it (publish-time fields only): no manifest confusion.
#[test]
fn rgx_bin_registry_manifest_matches_its_tarball() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let dir = corpus().join("rgx-bin-14.1.0");
    let registry: VersionManifest =
        serde_json::from_slice(&std::fs::read(dir.join("registry-manifest.json")).unwrap())
            .unwrap();
    assert_eq!(
        check_manifest_confusion(&registry, &package_json(&dir)),
        None
    );

    // The same registry view against a tarball whose package.json grew a preinstall is
    // confusion, reported on scripts only.
    let mut tampered = package_json(&dir);
    tampered["scripts"]["preinstall"] = "node lib/x.js".into();
    let f = check_manifest_confusion(&registry, &tampered).unwrap();
    assert_eq!(f.rule, "metadata/manifest-confusion");
    assert_eq!(
        f.message,
        "the registry's manifest of rgx-bin@14.1.0 differs from the tarball's package.json in scripts"
    );
}
