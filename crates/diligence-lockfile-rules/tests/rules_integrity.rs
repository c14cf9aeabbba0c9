//! Integrity rules: missing and sha1-only hashes. One positive and one negative case per rule on
//! small hand-built graphs, asserting the exact rule id, package, severity and line.

mod common;

use common::*;
use diligence_finding::Severity;
use diligence_graph::{Integrity, LockfileFormat, Source};

#[test]
fn integrity_missing() {
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "is-number",
            "7.0.0",
            npm("is-number", "7.0.0"),
            None,
            40,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/integrity-missing",
        "is-number@7.0.0",
        43,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
    // Registry entries without a URL need one too (pnpm, bun, berry).
    let g = graph(
        LockfileFormat::Pnpm,
        vec![pkg(
            "ms",
            "2.1.3",
            Source::Registry { resolved: None },
            None,
            40,
        )],
    );
    assert_one(
        &run(&g),
        "lockfile/integrity-missing",
        "ms@2.1.3",
        43,
        Severity::Medium,
    );
    // Optional berry entries (other platforms' binaries) are low.
    let mut p = pkg(
        "@esbuild/win32-x64",
        "0.25.0",
        Source::Registry { resolved: None },
        None,
        40,
    );
    p.optional = true;
    let g = graph(LockfileFormat::YarnBerry, vec![p]);
    assert_one(
        &run(&g),
        "lockfile/integrity-missing",
        "@esbuild/win32-x64@0.25.0",
        43,
        Severity::Low,
    );
    // Berry checksums count; git and local sources are not expected to have one.
    let mut p = pkg("ms", "2.1.3", Source::Registry { resolved: None }, None, 40);
    p.integrity = Some(Integrity::BerryChecksum("10c0/e2e3".into()));
    clean(&graph(LockfileFormat::YarnBerry, vec![p]));
    let git = Source::Git {
        url: "git+https://github.com/a/b.git".into(),
        commit: Some(COMMIT.into()),
    };
    assert!(
        of(
            &run(&graph(
                LockfileFormat::Npm,
                vec![pkg("b", "1.0.0", git, None, 40)]
            )),
            "lockfile/integrity-missing"
        )
        .is_empty()
    );
}

#[test]
fn integrity_missing_on_an_npm_bundled_dependency_is_info() {
    let mut parent = pkg("tap", "16.3.10", npm("tap", "16.3.10"), Some(SHA512), 10);
    parent.key = "node_modules/tap".into();
    parent.dependencies.push(edge("ms", "^2.1.3", 1));
    let mut bundled = pkg("ms", "2.1.3", Source::Registry { resolved: None }, None, 20);
    bundled.key = "node_modules/tap/node_modules/ms".into();
    // The reader marks it bundled when tap's lock entry lists it in `bundleDependencies`.
    bundled.bundled = true;
    let mut g = graph(LockfileFormat::Npm, vec![parent, bundled]);
    g.importers[0].dependencies.truncate(1);
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/integrity-missing",
        "ms@2.1.3",
        23,
        Severity::Info,
    );
    assert!(
        findings[0].message.contains("bundled in tap@16.3.10"),
        "{}",
        findings[0].message
    );
    // Not in the parent's bundle (npm fetches it from the registry): medium.
    g.packages[1].bundled = false;
    assert_one(
        &run(&g),
        "lockfile/integrity-missing",
        "ms@2.1.3",
        23,
        Severity::Medium,
    );
    g.packages[1].bundled = true;
    // With a `resolved` URL it is fetched on its own: medium.
    g.packages[1].source = npm("ms", "2.1.3");
    assert_one(
        &run(&g),
        "lockfile/integrity-missing",
        "ms@2.1.3",
        23,
        Severity::Medium,
    );
}

#[test]
fn integrity_weak() {
    let registry = |name: &str, integrity: &str, line: u32| {
        pkg(
            name,
            "1.0.0",
            Source::Registry { resolved: None },
            Some(integrity),
            line,
        )
    };
    // A lone sha1 among sha512 entries (an outlier, the T5 shape): medium.
    let g = graph(
        LockfileFormat::Pnpm,
        vec![
            registry("ms", SHA1, 50),
            registry("debug", SHA512, 60),
            registry("picocolors", SHA512, 70),
        ],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/integrity-weak",
        "ms@1.0.0",
        53,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
    // Half the hashed entries sha1: no outlier, low.
    let g = graph(
        LockfileFormat::Pnpm,
        vec![registry("ms", SHA1, 50), registry("debug", SHA512, 60)],
    );
    assert_one(
        &run(&g),
        "lockfile/integrity-weak",
        "ms@1.0.0",
        53,
        Severity::Low,
    );
    // Two sha1 among 21 sha512 (more than 1 in 20 of 23 hashed): old packages, low.
    let mut packages = vec![registry("ms", SHA1, 50), registry("inherits", SHA1, 60)];
    let names: Vec<String> = (0..21).map(|i| format!("p{i}")).collect();
    for (i, name) in names.iter().enumerate() {
        packages.push(registry(name, SHA512, 100 + 10 * i as u32));
    }
    let findings = run(&graph(LockfileFormat::Npm, packages));
    assert_eq!(findings.len(), 2);
    assert!(findings.iter().all(|f| f.severity == Severity::Low));
    // A lockfile where sha1 is the norm: low.
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg(
            "ms",
            "2.1.3",
            Source::Registry { resolved: None },
            Some(SHA1),
            50,
        )],
    );
    assert_one(
        &run(&g),
        "lockfile/integrity-weak",
        "ms@2.1.3",
        53,
        Severity::Low,
    );
    // sha1 next to sha512 in one SRI is not weak.
    let both = format!("{SHA1} {SHA512}");
    clean(&graph(
        LockfileFormat::Npm,
        vec![pkg("ms", "2.1.3", npm("ms", "2.1.3"), Some(&both), 50)],
    ));
}
