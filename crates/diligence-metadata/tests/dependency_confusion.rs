//! `metadata/dependency-confusion` over real lockfiles from the shared corpus.

use diligence_lockfile::read_lockfile;
use diligence_metadata::MetadataPolicy;
use diligence_metadata::rules::dependency_confusion::check;
use std::path::PathBuf;

fn tamper(case: &str, file: &str) -> PathBuf {
    diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
        .join(case)
        .join(file)
}

fn internal_types() -> MetadataPolicy {
    MetadataPolicy {
        internal_scopes: vec!["@types".into()],
        ..MetadataPolicy::default()
    }
}

#[test]
fn internal_scope_from_public_registry_is_flagged_at_resolved_line() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("base-npm-v3", "package-lock.json")).unwrap();
    let (findings, ne) = check(&graph, &internal_types());
    assert!(ne.is_empty());
    let got: Vec<(&str, &str, u32)> = findings
        .iter()
        .map(|f| {
            let p = f.package.as_ref().unwrap();
            (
                p.name.as_str(),
                f.rule.as_str(),
                f.location.as_ref().unwrap().line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("@types/debug", "metadata/dependency-confusion", 21),
            ("@types/ms", "metadata/dependency-confusion", 31),
        ]
    );
    assert_eq!(
        findings[0].message,
        "@types/debug@4.1.13 was resolved from registry.npmjs.org: it is declared internal but came from the public registry"
    );
}

#[test]
fn nothing_internal_nothing_flagged() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("base-npm-v3", "package-lock.json")).unwrap();
    let (findings, ne) = check(&graph, &MetadataPolicy::default());
    assert!(findings.is_empty(), "{findings:?}");
    assert!(ne.is_empty());
}

#[test]
fn mapped_scope_must_come_from_its_registry() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("base-npm-v3", "package-lock.json")).unwrap();
    let mut policy = MetadataPolicy::default();
    policy
        .scope_registries
        .insert("@types".into(), "https://npm.corp.example/".into());
    let (findings, _) = check(&graph, &policy);
    assert_eq!(findings.len(), 2);
    assert_eq!(
        findings[1].message,
        "@types/ms@2.1.0 was resolved from registry.npmjs.org: its scope is mapped to https://npm.corp.example/, so it must come from npm.corp.example"
    );
    // Mapped to the public registry itself: fine.
    policy
        .scope_registries
        .insert("@types".into(), "https://registry.npmjs.org/".into());
    assert!(check(&graph, &policy).0.is_empty());
}

#[test]
fn unscoped_package_from_another_host_than_the_configured_registry() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("npm-v3-T1-1", "package-lock.json")).unwrap();
    let policy = MetadataPolicy {
        registry: Some("https://registry.npmjs.org/".into()),
        ..MetadataPolicy::default()
    };
    let (findings, _) = check(&graph, &policy);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    let p = f.package.as_ref().unwrap();
    assert_eq!((p.name.as_str(), p.version.as_str()), ("debug", "4.4.3"));
    assert_eq!(f.location.as_ref().unwrap().line, 38);
    assert_eq!(f.evidence["host"], "npm.evil.example");
    // The untampered base is clean with the same policy.
    let base = read_lockfile(&tamper("base-npm-v3", "package-lock.json")).unwrap();
    assert!(check(&base, &policy).0.is_empty());
}

/// A project behind a mirror (`.npmrc` `registry=`) whose lockfile keeps registry.npmjs.org
/// URLs is the norm: npm rewrites public-registry URLs to the configured registry when it
/// installs (`replace-registry-host=npmjs`). Not confusion; an unknown host still is.
#[test]
fn private_registry_project_with_public_urls_is_not_flagged() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("base-npm-v3", "package-lock.json")).unwrap();
    let policy = MetadataPolicy {
        registry: Some("https://npm.corp.example/".into()),
        ..MetadataPolicy::default()
    };
    assert!(check(&graph, &policy).0.is_empty());
    let tampered = read_lockfile(&tamper("npm-v3-T1-1", "package-lock.json")).unwrap();
    let names: Vec<String> = check(&tampered, &policy)
        .0
        .iter()
        .map(|f| f.package.as_ref().unwrap().name.clone())
        .collect();
    assert_eq!(names, ["debug"]);
}

#[test]
fn internal_package_without_resolved_url_is_not_evaluated() {
    diligence_testkit::corpus_or_skip!("tamper");
    let graph = read_lockfile(&tamper("base-pnpm-v9", "pnpm-lock.yaml")).unwrap();
    let (findings, ne) = check(&graph, &internal_types());
    assert!(findings.is_empty(), "{findings:?}");
    let whats: Vec<&str> = ne.iter().map(|n| n.what.as_str()).collect();
    assert_eq!(
        whats,
        [
            "metadata/dependency-confusion of @types/debug@4.1.13",
            "metadata/dependency-confusion of @types/ms@2.1.0",
        ]
    );
}
