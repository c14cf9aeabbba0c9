//! Source rules: git, remote tarballs, local paths, spec/source mismatch, orphans; rule docs. One positive and one negative case per rule on
//! small hand-built graphs, asserting the exact rule id, package, severity and line.

mod common;

use common::*;
use diligence_finding::Severity;
use diligence_graph::{DepKind, DependencyGraph, Edge, Importer, LockfileFormat, Source};
use diligence_lockfile_rules::{LockfilePolicy, check, rules};

#[test]
fn git_source() {
    let pinned = Source::Git {
        url: "git+https://github.com/atom/about.git".into(),
        commit: Some(COMMIT.into()),
    };
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("about", "1.0.0", pinned, None, 70)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/git-source",
        "about@1.0.0",
        72,
        Severity::Low,
    );
    assert!(findings[0].message.contains(COMMIT));
    let branch = Source::Git {
        url: "git+ssh://git@github.com/atom/about.git#master".into(),
        commit: None,
    };
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("about", "1.0.0", branch, None, 70)],
    );
    assert_one(
        &run(&g),
        "lockfile/git-source",
        "about@1.0.0",
        72,
        Severity::Medium,
    );
    let berry = Source::Git {
        url: format!("https://github.com/a/b.git#commit={COMMIT}"),
        commit: None,
    };
    let g = graph(
        LockfileFormat::YarnBerry,
        vec![pkg("b", "1.0.0", berry, None, 70)],
    );
    assert_one(
        &run(&g),
        "lockfile/git-source",
        "b@1.0.0",
        72,
        Severity::Low,
    );
    clean(&graph(
        LockfileFormat::Npm,
        vec![pkg(
            "about",
            "1.0.0",
            npm("about", "1.0.0"),
            Some(SHA512),
            70,
        )],
    ));
}

#[test]
fn remote_tarball() {
    let url = "https://codeload.github.com/attacker/picocolors/tar.gz/207246add5106488d95562d69689c8602b4e4793";
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg(
            "picocolors",
            "1.1.1",
            Source::Tarball { url: url.into() },
            Some(SHA512),
            80,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/remote-tarball",
        "picocolors@1.1.1",
        82,
        Severity::Medium,
    );
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("codeload.github.com"))
    );
    // The root asks for ^1.1.1 from the registry: that is the spec/source mismatch.
    assert_one(
        &findings,
        "lockfile/spec-source-mismatch",
        "picocolors@1.1.1",
        82,
        Severity::High,
    );
    assert_eq!(findings.len(), 2);
}

#[test]
fn a_tarball_on_an_allowed_registry_is_not_remote() {
    let url = "https://npm.pkg.github.com/download/@acme/ui/1.2.3/0a1b2c3d";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "@acme/ui",
            "1.2.3",
            Source::Tarball { url: url.into() },
            Some(SHA512),
            80,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/remote-tarball",
        "@acme/ui@1.2.3",
        82,
        Severity::Medium,
    );
    assert_one(
        &findings,
        "lockfile/spec-source-mismatch",
        "@acme/ui@1.2.3",
        82,
        Severity::High,
    );
    let policy = LockfilePolicy::default().with_registry("https://npm.pkg.github.com/");
    let findings = check(&g, &policy);
    assert!(findings.is_empty(), "{findings:#?}");
}

fn local_graph(source: Source) -> DependencyGraph {
    let mut g = graph(
        LockfileFormat::Npm,
        vec![pkg("picocolors", "1.1.1", source, None, 90)],
    );
    g.importers[0].dependencies[0].spec = "file:whatever".into();
    g
}

#[test]
fn local_path_outside_project() {
    for source in [
        Source::File {
            path: "../../../tmp/x/picocolors-1.1.1.tgz".into(),
        },
        Source::File {
            path: "file:../../../tmp/x/picocolors-1.1.1.tgz".into(),
        },
        Source::Link {
            path: "../../../tmp/x".into(),
        },
        Source::Link {
            path: "/tmp/x".into(),
        },
        Source::Link {
            path: "sub/%2e%2e/%2e%2e/x".into(),
        },
        Source::File {
            path: "file:///home/u/x".into(),
        },
    ] {
        let findings = run(&local_graph(source.clone()));
        assert_one(
            &findings,
            "lockfile/local-path-outside-project",
            "picocolors@1.1.1",
            92,
            Severity::High,
        );
        assert_eq!(findings.len(), 1, "{source:?}");
    }
}

#[test]
fn local_source_inside_project_is_info() {
    let findings = run(&local_graph(Source::File {
        path: "packages/about".into(),
    }));
    assert_one(
        &findings,
        "lockfile/local-source",
        "picocolors@1.1.1",
        92,
        Severity::Info,
    );
    assert_eq!(findings.len(), 1);
    // A workspace-relative link: `../b` from `packages/a` is `packages/b`.
    let mut g = local_graph(Source::Link {
        path: "../b".into(),
    });
    g.importers[0].path = "packages/a".into();
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/local-source",
        "picocolors@1.1.1",
        92,
        Severity::Info,
    );
    // The project's own workspace members are not reported.
    let mut g = local_graph(Source::Link {
        path: "packages/a".into(),
    });
    g.importers.push(Importer {
        path: "packages/a".into(),
        name: Some("a".into()),
        dependencies: vec![],
        package: None,
    });
    clean(&g);
}

#[test]
fn spec_source_mismatch() {
    let git = Source::Git {
        url: "https://github.com/attacker/is-number.git".into(),
        commit: Some(COMMIT.into()),
    };
    let g = graph(
        LockfileFormat::Pnpm,
        vec![pkg("is-number", "7.0.0", git.clone(), None, 100)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/spec-source-mismatch",
        "is-number@7.0.0",
        102,
        Severity::High,
    );
    assert!(findings.iter().any(|f| f.message.contains("`^7.0.0`")));
    // A git spec for a git source is fine (only the inventory finding remains).
    let mut g = graph(
        LockfileFormat::Pnpm,
        vec![pkg("is-number", "7.0.0", git, None, 100)],
    );
    g.importers[0].dependencies[0].spec = "github:attacker/is-number".into();
    let findings = run(&g);
    assert!(of(&findings, "lockfile/spec-source-mismatch").is_empty());
    assert_eq!(findings.len(), 1);
}

#[test]
fn orphan_entry() {
    let mut g = graph(
        LockfileFormat::YarnBerry,
        vec![
            pkg(
                "ms",
                "2.1.3",
                Source::Registry { resolved: None },
                Some(SHA512),
                5,
            ),
            pkg(
                "evil-pkg",
                "1.0.0",
                Source::Registry { resolved: None },
                Some(SHA512),
                120,
            ),
        ],
    );
    g.importers[0].dependencies.truncate(1);
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/orphan-entry",
        "evil-pkg@1.0.0",
        120,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
    // Reached transitively: not an orphan.
    g.packages[0]
        .dependencies
        .push(edge("evil-pkg", "^1.0.0", 1));
    clean(&g);
}

#[test]
fn rule_docs_have_the_fixed_shape() {
    let all = rules();
    assert_eq!(all.len(), 14);
    for rule in all {
        assert!(rule.id.starts_with("lockfile/"), "{}", rule.id);
        let sections = [
            "## What it detects",
            "## Why it matters",
            "## Example",
            "## Known false positives",
        ];
        let mut last = 0;
        for s in sections {
            let at = rule
                .doc
                .find(s)
                .unwrap_or_else(|| panic!("{}: missing {s}", rule.id));
            assert!(at > last, "{}: {s} out of order", rule.id);
            last = at;
        }
        assert!(
            !rule.summary.is_empty() && rule.summary.ends_with('.'),
            "{}",
            rule.id
        );
    }
}

#[test]
fn unlocked_dependency() {
    let mut g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "debug",
            "4.4.3",
            npm("debug", "4.4.3"),
            Some(SHA512),
            10,
        )],
    );
    // Locked and resolved: nothing to report.
    clean(&g);
    // debug needs ms, which has no entry: the install resolves it, unreviewed.
    g.packages[0].dependencies.push(Edge {
        name: "ms".into(),
        spec: "^2.1.3".into(),
        kind: DepKind::Prod,
        target: None,
    });
    // An optional and a peer dependency may be absent (other platforms, unmet peers).
    for kind in [DepKind::Optional, DepKind::Peer] {
        g.packages[0].dependencies.push(Edge {
            name: "fsevents".into(),
            spec: "^2".into(),
            kind,
            target: None,
        });
    }
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/unlocked-dependency",
        "debug@4.4.3",
        10,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
    // The root asks for picocolors and the lockfile has no entry (a truncated lockfile).
    g.packages[0].dependencies.clear();
    g.importers[0].dependencies.push(Edge {
        name: "picocolors".into(),
        spec: "^1.0.0".into(),
        kind: DepKind::Dev,
        target: None,
    });
    let findings = run(&g);
    let hits = of(&findings, "lockfile/unlocked-dependency");
    assert_eq!(hits.len(), 1, "{findings:#?}");
    assert!(hits[0].package.is_none());
    assert_eq!(hits[0].evidence["dependency"], "picocolors");
    assert_eq!(hits[0].location.as_ref().map(|l| l.line), Some(0));
}

/// A berry lockfile cut short after `ms` lost the root workspace's `picocolors`: reported.
#[test]
fn unlocked_dependency_in_a_truncated_lockfile() {
    let base = diligence_testkit::corpus_or_skip!("tamper/base-yarn-berry");
    let text = std::fs::read_to_string(base.join("yarn.lock")).unwrap();
    let manifest = diligence_lockfile::Manifest::parse(
        &std::fs::read_to_string(base.join("package.json")).unwrap(),
    )
    .unwrap();
    let whole = diligence_lockfile::parse_lockfile(&base.join("yarn.lock"), &text, Some(&manifest))
        .unwrap();
    assert!(of(&run(&whole), "lockfile/unlocked-dependency").is_empty());
    let cut = &text[..text.find("\"picocolors@").expect("picocolors entry")];
    let g =
        diligence_lockfile::parse_lockfile(&base.join("yarn.lock"), cut, Some(&manifest)).unwrap();
    let hits: Vec<_> = of(&run(&g), "lockfile/unlocked-dependency")
        .into_iter()
        .map(|f| f.evidence["dependency"].clone())
        .collect();
    assert_eq!(hits, vec![serde_json::json!("picocolors")]);
}
