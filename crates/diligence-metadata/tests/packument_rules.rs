//! Every packument rule, positive and negative, over recorded packument fixtures.

use diligence_finding::{Finding, NotEvaluated};
use diligence_graph::{DependencyGraph, Location, LockfileFormat, LockfileInfo, Package, Source};
use diligence_metadata::{
    MetadataPolicy, check_graph, check_manifest_confusion, check_manifest_confusion_listed,
    check_package,
};
use diligence_packument::{Packument, VersionManifest};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// 2026-11-29T12:00:00Z.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_953_600)
}

fn fixture(name: &str) -> Packument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    Packument::from_slice(&bytes).unwrap()
}

fn run(name: &str, version: &str) -> (Vec<Finding>, Vec<NotEvaluated>) {
    check_package(&fixture(name), version, now(), &MetadataPolicy::default())
}

fn rule_ids(findings: &[Finding]) -> Vec<&str> {
    let mut ids: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    ids.sort();
    ids
}

fn ne_whats(ne: &[NotEvaluated]) -> Vec<&str> {
    let mut w: Vec<&str> = ne.iter().map(|n| n.what.as_str()).collect();
    w.sort();
    w
}

#[test]
fn now_is_the_documented_instant() {
    assert_eq!(
        diligence_metadata::time::parse_rfc3339("2026-11-29T12:00:00Z"),
        Some(1_795_953_600)
    );
}

#[test]
fn hijacked_release_trips_every_takeover_rule() {
    let (findings, ne) = run("hijacked-release.json", "1.1.1");
    assert_eq!(
        rule_ids(&findings),
        [
            "metadata/dormant-release",
            "metadata/install-script",
            "metadata/maintainers-changed",
            "metadata/new-bin",
            "metadata/new-install-script",
            "metadata/new-publisher",
            "metadata/provenance-regression",
            "metadata/recent-version",
            "metadata/repository-changed",
        ]
    );
    assert!(ne.is_empty(), "{ne:?}");
    for f in &findings {
        let p = f.package.as_ref().unwrap();
        assert_eq!(
            (p.name.as_str(), p.version.as_str()),
            ("tidy-config", "1.1.1")
        );
    }
    let by = |id: &str| findings.iter().find(|f| f.rule == id).unwrap();
    assert_eq!(
        by("metadata/new-install-script").message,
        "tidy-config@1.1.1 adds install scripts that 1.1.0 did not have: postinstall: node setup.js"
    );
    assert_eq!(
        by("metadata/new-install-script").evidence["previous"],
        "1.1.0"
    );
    assert_eq!(
        by("metadata/provenance-regression").evidence["last_attested"],
        "1.1.0"
    );
    assert_eq!(
        by("metadata/new-publisher").evidence["publisher"],
        "mallory"
    );
    assert_eq!(
        by("metadata/new-bin").evidence["added"],
        serde_json::json!(["tidy"])
    );
    assert_eq!(
        by("metadata/repository-changed").evidence["from"],
        "github.com/alice/tidy-config"
    );
    assert_eq!(
        by("metadata/repository-changed").evidence["to"],
        "github.com/mallory/tidy-config"
    );
    assert_eq!(
        by("metadata/maintainers-changed").evidence["added"],
        serde_json::json!(["mallory"])
    );
    assert_eq!(
        by("metadata/recent-version").evidence["age_days"],
        16.0 / 24.0
    );
    assert_eq!(
        by("metadata/dormant-release").evidence["gap_days"]
            .as_f64()
            .map(f64::round),
        Some(2737.0)
    );
    // The same repository name under another owner reads as an organisation move (info); the
    // quiet year counts because the release also changes publisher and install scripts.
    use diligence_finding::Severity;
    assert_eq!(by("metadata/repository-changed").severity, Severity::Info);
    assert_eq!(by("metadata/dormant-release").severity, Severity::Medium);
    assert_eq!(
        by("metadata/dormant-release").evidence["other_signals"],
        serde_json::json!(["new publisher `mallory`", "new install script"])
    );
}

#[test]
fn earlier_release_of_the_same_package_is_clean() {
    // 1.1.0: same publisher, maintainers, repository (shorthand vs git+https URL), provenance,
    // no install scripts, five months after 1.0.0, seven years old.
    let (findings, ne) = run("hijacked-release.json", "1.1.0");
    assert!(findings.is_empty(), "{findings:?}");
    assert!(ne.is_empty(), "{ne:?}");
}

#[test]
fn stripped_mirror_fields_are_not_evaluated_never_clean() {
    let (findings, ne) = run("mirror-stripped.json", "2.0.1");
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        ne_whats(&ne),
        [
            "metadata/deprecated of quiet-lib@2.0.1",
            "metadata/maintainers-changed of quiet-lib@2.0.1",
            "metadata/new-publisher of quiet-lib@2.0.1",
        ]
    );
    let why = ne
        .iter()
        .find(|n| n.what.starts_with("metadata/new-publisher"))
        .unwrap();
    assert_eq!(why.why, "packument has no _npmUser for 2.0.1");
}

#[test]
fn missing_times_are_not_evaluated() {
    let (findings, ne) = run("no-times.json", "0.3.0");
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        ne_whats(&ne),
        [
            "metadata/dormant-release of timeless@0.3.0",
            "metadata/new-package of timeless@0.3.0",
            "metadata/recent-version of timeless@0.3.0",
        ]
    );
}

#[test]
fn dependency_confusion_payload() {
    let (findings, ne) = run("confusion-payload.json", "99.10.9");
    assert_eq!(
        rule_ids(&findings),
        [
            "metadata/install-script",
            "metadata/new-package",
            "metadata/no-license",
            "metadata/no-repository",
            "metadata/version-jump",
        ]
    );
    assert!(ne.is_empty(), "{ne:?}");
    let jump = findings
        .iter()
        .find(|f| f.rule == "metadata/version-jump")
        .unwrap();
    assert_eq!(
        jump.message,
        "acme-billing-core@99.10.9 jumps to major 99 as its first version: a dependency-confusion style version"
    );
    let new = findings
        .iter()
        .find(|f| f.rule == "metadata/new-package")
        .unwrap();
    assert_eq!(new.evidence["basis"], "time.created");
    assert_eq!(new.evidence["created_age_days"], 3.375);
}

#[test]
fn deprecated_version_and_calendar_versions() {
    let (findings, ne) = run("deprecated-calver.json", "2024.1.0");
    assert_eq!(rule_ids(&findings), ["metadata/deprecated"]);
    assert_eq!(
        findings[0].message,
        "almanac-dates@2024.1.0 is deprecated: 2024.1.0 computes Easter wrongly; use 2025.3.0"
    );
    assert!(ne.is_empty(), "{ne:?}");

    // 2025.3.0: calver, legacy `licenses`, shorthand repository equal to the URL form; its
    // node-gyp install script and string bin are new relative to 2024.1.0.
    let (findings, ne) = run("deprecated-calver.json", "2025.3.0");
    assert_eq!(
        rule_ids(&findings),
        [
            "metadata/install-script",
            "metadata/new-bin",
            "metadata/new-install-script"
        ]
    );
    let bin = findings
        .iter()
        .find(|f| f.rule == "metadata/new-bin")
        .unwrap();
    assert_eq!(bin.evidence["added"], serde_json::json!(["almanac-dates"]));
    assert!(ne.is_empty(), "{ne:?}");
}

#[test]
fn thresholds_come_from_the_policy() {
    let policy = MetadataPolicy {
        cooldown_days: 0.5,
        new_package_days: 2.0,
        version_jump_major: 100,
        ..MetadataPolicy::default()
    };
    let (findings, _) = check_package(
        &fixture("confusion-payload.json"),
        "99.10.9",
        now(),
        &policy,
    );
    assert_eq!(
        rule_ids(&findings),
        [
            "metadata/install-script",
            "metadata/no-license",
            "metadata/no-repository"
        ]
    );
}

#[test]
fn unknown_version_is_not_evaluated() {
    let (findings, ne) = run("hijacked-release.json", "9.9.9");
    assert!(findings.is_empty());
    assert_eq!(
        ne,
        [NotEvaluated {
            what: "metadata checks of tidy-config@9.9.9".into(),
            why: "version 9.9.9 is not in the packument of tidy-config".into(),
        }]
    );
}

fn package(name: &str, version: &str, line: u32) -> Package {
    Package {
        name: name.into(),
        version: version.into(),
        source: Source::Registry {
            resolved: Some(format!(
                "https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"
            )),
        },
        integrity: None,
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: format!("node_modules/{name}"),
        location: Location {
            line,
            resolved_line: line + 2,
            integrity_line: line + 3,
        },
    }
}

#[test]
fn graph_findings_point_at_the_lockfile_line() {
    let mut graph = DependencyGraph::new(LockfileInfo {
        path: "package-lock.json".into(),
        format: LockfileFormat::Npm,
        version: "3".into(),
    });
    graph.add_package(package("tidy-config", "1.1.1", 12));
    graph.add_package(package("tidy-config", "1.1.1", 40));
    graph.add_package(package("quiet-lib", "2.0.0", 20));
    graph.add_package(package("unfetched", "1.0.0", 30));
    let packuments: HashMap<String, Packument> = [
        ("tidy-config".to_string(), fixture("hijacked-release.json")),
        ("quiet-lib".to_string(), fixture("mirror-stripped.json")),
    ]
    .into_iter()
    .collect();
    let (findings, ne) = check_graph(&graph, &packuments, now(), &MetadataPolicy::default());
    let scripts = findings
        .iter()
        .find(|f| f.rule == "metadata/new-install-script")
        .unwrap();
    let loc = scripts.location.as_ref().unwrap();
    assert_eq!((loc.file.as_str(), loc.line), ("package-lock.json", 12));
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.rule == "metadata/new-install-script")
            .count(),
        1,
        "one finding per name@version"
    );
    assert!(ne.contains(&NotEvaluated {
        what: "metadata checks of unfetched@1.0.0".into(),
        why: "no packument for this package".into(),
    }));
    // quiet-lib@2.0.0 is the first version: nothing to compare, deprecation unknown.
    assert!(
        ne.iter()
            .any(|n| n.what == "metadata/deprecated of quiet-lib@2.0.0")
    );
}

fn version_doc() -> VersionManifest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/manifest-confusion/registry-version.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn tarball(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/manifest-confusion")
        .join(name);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn manifest_confusion_positive() {
    let f = check_manifest_confusion(&version_doc(), &tarball("tarball-package-confused.json"))
        .unwrap();
    assert_eq!(f.rule, "metadata/manifest-confusion");
    let p = f.package.as_ref().unwrap();
    assert_eq!(
        (p.name.as_str(), p.version.as_str()),
        ("pretty-bytes-lite", "3.0.2")
    );
    assert_eq!(
        f.message,
        "the registry's manifest of pretty-bytes-lite@3.0.2 differs from the tarball's package.json in scripts, dependencies"
    );
    assert_eq!(
        f.evidence["differences"][0]["tarball"]["postinstall"],
        "node ./lib/telemetry.js"
    );
}

/// The abbreviated packument's version document: no `scripts`; `hasInstallScript` only when
/// true (the registry's shape).
fn listed_doc(has_install_script: bool) -> VersionManifest {
    let mut doc = serde_json::json!({
        "name": "pretty-bytes-lite",
        "version": "3.0.2",
        "dependencies": { "ms": "^2.1.3" },
        "bin": { "pbl": "cli.js" },
        "dist": {
            "tarball": "https://registry.npmjs.org/pretty-bytes-lite/-/pretty-bytes-lite-3.0.2.tgz",
            "integrity": "sha512-II=="
        }
    });
    if has_install_script {
        doc["hasInstallScript"] = serde_json::json!(true);
    }
    serde_json::from_value(doc).unwrap()
}

#[test]
fn manifest_confusion_from_the_abbreviated_document() {
    let f = check_manifest_confusion_listed(
        &listed_doc(false),
        &tarball("tarball-package-confused.json"),
    )
    .unwrap();
    assert_eq!(
        f.message,
        "the registry's manifest of pretty-bytes-lite@3.0.2 differs from the tarball's package.json in install scripts, dependencies"
    );
    assert_eq!(
        f.evidence["differences"][0]["tarball"],
        serde_json::json!(["postinstall"])
    );
    // Announced: only the extra dependency differs.
    let f = check_manifest_confusion_listed(
        &listed_doc(true),
        &tarball("tarball-package-confused.json"),
    )
    .unwrap();
    assert_eq!(
        f.message,
        "the registry's manifest of pretty-bytes-lite@3.0.2 differs from the tarball's package.json in dependencies"
    );
    // A `test` script and `./cli.js` are no difference; nor is a full document's scripts.
    assert_eq!(
        check_manifest_confusion_listed(&listed_doc(false), &tarball("tarball-package-same.json")),
        None
    );
    assert_eq!(
        check_manifest_confusion_listed(&version_doc(), &tarball("tarball-package-confused.json"))
            .map(|f| f.message),
        Some(
            "the registry's manifest of pretty-bytes-lite@3.0.2 differs from the tarball's package.json in dependencies"
                .to_string()
        )
    );
}

#[test]
fn manifest_confusion_negative_tolerates_npm_normalisation() {
    // `./cli.js` vs `cli.js`, the implicit `node-gyp rebuild`, devDependencies (not compared).
    assert_eq!(
        check_manifest_confusion(&version_doc(), &tarball("tarball-package-same.json")),
        None
    );
}

#[test]
fn every_rule_has_the_documented_shape() {
    for rule in diligence_metadata::rules() {
        for section in [
            "## What it detects",
            "## Why it matters",
            "## Example",
            "## Known false positives",
        ] {
            assert!(rule.doc.contains(section), "{} lacks {section}", rule.id);
        }
        assert!(
            rule.id.starts_with("metadata/") || rule.id.starts_with("posture/"),
            "{}",
            rule.id
        );
    }
    assert_eq!(diligence_metadata::rules().len(), 24);
}

#[test]
fn abbreviated_packument_compares_install_script_flags() {
    let (findings, ne) = run("abbreviated.json", "0.4.1");
    assert_eq!(
        rule_ids(&findings),
        ["metadata/install-script", "metadata/new-install-script"]
    );
    assert_eq!(
        findings
            .iter()
            .find(|f| f.rule == "metadata/new-install-script")
            .unwrap()
            .message,
        "tiny-glob-walk@0.4.1 has an install script (hasInstallScript) and 0.4.0 had none"
    );
    // No license/repository/time/_npmUser in this format: not evaluated, never clean.
    assert_eq!(
        ne_whats(&ne),
        [
            "metadata/deprecated of tiny-glob-walk@0.4.1",
            "metadata/dormant-release of tiny-glob-walk@0.4.1",
            "metadata/maintainers-changed of tiny-glob-walk@0.4.1",
            "metadata/new-package of tiny-glob-walk@0.4.1",
            "metadata/new-publisher of tiny-glob-walk@0.4.1",
            "metadata/no-license of tiny-glob-walk@0.4.1",
            "metadata/no-repository of tiny-glob-walk@0.4.1",
            "metadata/recent-version of tiny-glob-walk@0.4.1",
            "metadata/repository-changed of tiny-glob-walk@0.4.1",
        ]
    );
    // 0.4.0 has no install script.
    let (findings, _) = run("abbreviated.json", "0.4.0");
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn mirror_rewritten_times_fall_back_to_semver_order() {
    let p = fixture("mirror-rewritten-times.json");
    assert!(!diligence_metadata::context::times_consistent(&p));
    let (findings, ne) = run("mirror-rewritten-times.json", "1.1.0");
    assert_eq!(
        rule_ids(&findings),
        [
            "metadata/install-script",
            "metadata/new-install-script",
            "metadata/recent-version",
        ]
    );
    let scripts = findings
        .iter()
        .find(|f| f.rule == "metadata/new-install-script")
        .unwrap();
    assert_eq!(scripts.evidence["previous"], "1.0.1");
    assert_eq!(
        ne_whats(&ne),
        [
            "metadata/deprecated of pad-string@1.1.0",
            "metadata/dormant-release of pad-string@1.1.0",
            "metadata/maintainers-changed of pad-string@1.1.0",
            "metadata/new-package of pad-string@1.1.0",
            "metadata/new-publisher of pad-string@1.1.0",
        ]
    );
    assert!(diligence_metadata::context::times_consistent(&fixture(
        "hijacked-release.json"
    )));
}

#[test]
fn changed_install_command_is_medium_new_hook_is_high() {
    let mut p = fixture("hijacked-release.json");
    // Give 1.1.0 a postinstall too: 1.1.1 then only changes the command.
    p.versions.get_mut("1.1.0").unwrap().scripts.insert(
        "postinstall".into(),
        serde_json::Value::String("node-gyp rebuild".into()),
    );
    let (findings, _) = check_package(&p, "1.1.1", now(), &MetadataPolicy::default());
    let f = findings
        .iter()
        .find(|f| f.rule == "metadata/new-install-script")
        .unwrap();
    assert_eq!(f.severity, diligence_finding::Severity::Medium);
    assert_eq!(
        f.message,
        "tidy-config@1.1.1 changes the install scripts 1.1.0 had: postinstall: node setup.js"
    );
    let (findings, _) = run("hijacked-release.json", "1.1.1");
    let f = findings
        .iter()
        .find(|f| f.rule == "metadata/new-install-script")
        .unwrap();
    assert_eq!(f.severity, diligence_finding::Severity::High);
}

#[test]
fn repository_moving_back_to_an_earlier_url_is_not_a_change() {
    let mut p = fixture("hijacked-release.json");
    // 1.1.1 points where 1.0.0 pointed; 1.1.0's shorthand is the same place too.
    p.versions.get_mut("1.1.1").unwrap().repository =
        Some(serde_json::json!("https://github.com/alice/tidy-config"));
    let (findings, _) = check_package(&p, "1.1.1", now(), &MetadataPolicy::default());
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "metadata/repository-changed")
    );
}

/// Repository changes: another host or another owner and name is medium, the same owner
/// renaming is low, the same name under another owner is info.
#[test]
fn repository_moves_are_graded() {
    use diligence_finding::Severity;
    let cases = [
        ("https://gitlab.com/mallory/tidy", Severity::Medium),
        ("https://github.com/mallory/tidy", Severity::Medium),
        ("https://github.com/alice/tidy-config-next", Severity::Low),
        ("git@github.com:tidy-org/tidy-config.git", Severity::Info),
        (
            "https://github.com/alice/tidy-config/tree/main/packages/x",
            Severity::Info,
        ),
    ];
    for (url, severity) in cases {
        let mut p = fixture("hijacked-release.json");
        p.versions.get_mut("1.1.1").unwrap().repository = Some(serde_json::json!(url));
        let (findings, _) = check_package(&p, "1.1.1", now(), &MetadataPolicy::default());
        let got = findings
            .iter()
            .find(|f| f.rule == "metadata/repository-changed")
            .map(|f| f.severity);
        // A link into the old repository is the old repository.
        let want = (!url.contains("/tree/")).then_some(severity);
        assert_eq!(got, want, "{url}");
    }
}

/// A quiet year alone is low.
#[test]
fn dormant_release_alone_is_low() {
    let mut p = fixture("hijacked-release.json");
    let alice = p.versions["1.1.0"].npm_user.clone();
    let v = p.versions.get_mut("1.1.1").unwrap();
    v.npm_user = alice;
    v.scripts.remove("postinstall");
    let (findings, _) = check_package(&p, "1.1.1", now(), &MetadataPolicy::default());
    let f = findings
        .iter()
        .find(|f| f.rule == "metadata/dormant-release")
        .unwrap();
    assert_eq!(f.severity, diligence_finding::Severity::Low);
    assert_eq!(f.evidence["other_signals"], serde_json::json!([]));
}

/// A version that adds a dependency first published the day before is high; one that adds
/// an old dependency is clean; without the dependency's packument it is not evaluated.
#[test]
fn young_dependency_added_in_a_patch_release() {
    let widget = fixture("young-dependency/widget-http.json");
    let others: HashMap<String, Packument> = ["helper-crypto-js", "proxy-from-env"]
        .into_iter()
        .map(|n| {
            (
                n.to_string(),
                fixture(&format!("young-dependency/{n}.json")),
            )
        })
        .collect();
    let policy = MetadataPolicy::default();
    let (findings, ne) =
        diligence_metadata::check_package_with(&widget, "1.4.1", now(), &policy, &others);
    let f = findings
        .iter()
        .find(|f| f.rule == "metadata/young-dependency")
        .expect("young dependency");
    assert_eq!(f.severity, diligence_finding::Severity::High);
    assert_eq!(
        f.message,
        "widget-http@1.4.1 adds dependencies that did not exist a few weeks earlier: `helper-crypto-js` (first published 1.1 days before)"
    );
    assert!(
        !ne.iter()
            .any(|n| n.what.starts_with("metadata/young-dependency")),
        "{ne:?}"
    );
    // 1.4.0 added proxy-from-env, published in 2016.
    let (findings, ne) =
        diligence_metadata::check_package_with(&widget, "1.4.0", now(), &policy, &others);
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "metadata/young-dependency")
    );
    assert!(
        !ne.iter()
            .any(|n| n.what.starts_with("metadata/young-dependency"))
    );
    // Without packuments of the dependencies: not evaluated, never clean.
    let (_, ne) = check_package(&widget, "1.4.1", now(), &policy);
    assert_eq!(
        ne.iter()
            .filter(|n| n.what.starts_with("metadata/young-dependency"))
            .map(|n| n.why.as_str())
            .collect::<Vec<_>>(),
        ["no packuments of the dependencies it adds"]
    );
}

/// A deliberate high version scheme (`esprima-fb` 13001.x, 14001.x, 15001.x) is not a jump
/// after its first version up there.
#[test]
fn version_schemes_are_not_jumps() {
    let mut p = fixture("hijacked-release.json");
    let base = p.versions["1.1.0"].clone();
    for (v, t) in [
        ("13001.1.0", "2019-07-01T00:00:00.000Z"),
        ("14001.1.0", "2020-07-01T00:00:00.000Z"),
        ("15001.1.0", "2021-07-01T00:00:00.000Z"),
    ] {
        let mut m = base.clone();
        m.version = v.to_string();
        p.versions.insert(v.to_string(), m);
        p.time.insert(v.to_string(), t.to_string());
    }
    let jump = |v: &str| {
        check_package(&p, v, now(), &MetadataPolicy::default())
            .0
            .iter()
            .any(|f| f.rule == "metadata/version-jump")
    };
    assert!(jump("13001.1.0"));
    assert!(!jump("14001.1.0"));
    assert!(!jump("15001.1.0"));
}

/// `"dependencies": []` on both sides: the registry's copy reads back as `{}` through the
/// packument types, which is the same.
#[test]
fn manifest_confusion_empty_dependency_arrays_agree() {
    let registry: VersionManifest = serde_json::from_value(serde_json::json!({
        "name": "mime", "version": "1.0.0", "dependencies": []
    }))
    .unwrap();
    let tarball = serde_json::json!({"name": "mime", "version": "1.0.0", "dependencies": []});
    assert_eq!(check_manifest_confusion(&registry, &tarball), None);
    let tarball = serde_json::json!({"name": "mime", "version": "1.0.0", "dependencies": ["x"]});
    assert!(check_manifest_confusion(&registry, &tarball).is_some());
}
