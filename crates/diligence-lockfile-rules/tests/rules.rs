//! One positive and one negative case per rule on small hand-built graphs, asserting the exact
//! rule id, package, severity and line.

use diligence_finding::{Finding, Severity};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, PackageId, Source,
};
use diligence_lockfile_rules::{LockfilePolicy, check, rules};

const SHA512: &str = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==";
const SHA1: &str = "sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=";
const COMMIT: &str = "84c7fc389f7dda522f8859e909d49c3f43e382d3";

/// A package whose entry starts at `line`; `resolved` is on `line + 2`, `integrity` on `line + 3`.
fn pkg(name: &str, version: &str, source: Source, integrity: Option<&str>, line: u32) -> Package {
    Package {
        name: name.into(),
        version: version.into(),
        source,
        integrity: integrity.map(|i| Integrity::parse_sri(i).expect("test SRI")),
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        dependencies: Vec::new(),
        key: format!("node_modules/{name}"),
        location: Location {
            line,
            resolved_line: line + 2,
            integrity_line: line + 3,
        },
    }
}

fn registry(url: &str) -> Source {
    Source::Registry {
        resolved: Some(url.into()),
    }
}

fn npm(name: &str, version: &str) -> Source {
    let base = name.rsplit('/').next().unwrap();
    registry(&format!(
        "https://registry.npmjs.org/{name}/-/{base}-{version}.tgz"
    ))
}

fn edge(name: &str, spec: &str, target: u32) -> Edge {
    Edge {
        name: name.into(),
        spec: spec.into(),
        kind: DepKind::Prod,
        target: Some(PackageId(target)),
    }
}

/// A graph whose root importer depends on every package with spec `^<version>`.
fn graph(format: LockfileFormat, packages: Vec<Package>) -> DependencyGraph {
    let mut g = DependencyGraph::new(LockfileInfo {
        path: "project/package-lock.json".into(),
        format,
        version: "3".into(),
    });
    let mut root = Vec::new();
    for (i, p) in packages.into_iter().enumerate() {
        root.push(edge(&p.name, &format!("^{}", p.version), i as u32));
        g.add_package(p);
    }
    g.importers.push(Importer {
        path: ".".into(),
        name: Some("app".into()),
        dependencies: root,
        package: None,
    });
    g
}

fn run(g: &DependencyGraph) -> Vec<Finding> {
    check(g, &LockfilePolicy::default())
}

fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// Exactly one finding of `rule`, on `name@version`, at `line` of the lockfile, with `severity`.
fn assert_one(findings: &[Finding], rule: &str, id: &str, line: u32, severity: Severity) {
    let hits = of(findings, rule);
    assert_eq!(hits.len(), 1, "{rule}: {findings:#?}");
    let f = hits[0];
    let p = f.package.as_ref().expect("package");
    assert_eq!(format!("{}@{}", p.name, p.version), id, "{rule}");
    let loc = f.location.as_ref().expect("location");
    assert_eq!(
        (loc.file.as_str(), loc.line),
        ("project/package-lock.json", line),
        "{rule}"
    );
    assert_eq!(f.severity, severity, "{rule}: {}", f.message);
}

fn clean(g: &DependencyGraph) {
    let findings = run(g);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_clean_registry_graph_has_no_findings() {
    clean(&graph(
        LockfileFormat::Npm,
        vec![
            pkg("ms", "2.1.3", npm("ms", "2.1.3"), Some(SHA512), 10),
            pkg(
                "@types/node",
                "20.1.0-beta.1",
                npm("@types/node", "20.1.0-beta.1"),
                Some(SHA512),
                20,
            ),
            pkg(
                "debug",
                "4.4.3",
                Source::Registry { resolved: None },
                Some(SHA512),
                30,
            ),
            pkg(
                "is-number",
                "7.0.0",
                registry(
                    "https://registry.yarnpkg.com/is-number/-/is-number-7.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b",
                ),
                Some(SHA512),
                40,
            ),
            pkg(
                "@babel/core",
                "7.0.0",
                registry("https://registry.npmjs.org/@babel%2fcore/-/core-7.0.0.tgz"),
                Some(SHA512),
                50,
            ),
        ],
    ));
}

#[test]
fn resolved_host() {
    let url = "https://npm.evil.example/debug/-/debug-4.4.3.tgz";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("debug", "4.4.3", registry(url), Some(SHA512), 7)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-host",
        "debug@4.4.3",
        9,
        Severity::High,
    );
    assert!(findings[0].message.contains("`npm.evil.example`"));
    assert!(findings[0].message.contains(url));
    assert_eq!(findings.len(), 1);
    // Userinfo is not the host.
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "ms",
            "2.1.3",
            registry("https://registry.npmjs.org@evil.example/ms/-/ms-2.1.3.tgz"),
            Some(SHA512),
            7,
        )],
    );
    assert_one(
        &run(&g),
        "lockfile/resolved-host",
        "ms@2.1.3",
        9,
        Severity::High,
    );
    // An unparsable URL is reported, not skipped.
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "ms",
            "2.1.3",
            registry("https://registry.npmjs.org:99999/ms/-/ms-2.1.3.tgz"),
            Some(SHA512),
            7,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-host",
        "ms@2.1.3",
        9,
        Severity::High,
    );
    assert!(
        findings[0].message.contains("not a valid URL"),
        "{}",
        findings[0].message
    );
}

#[test]
fn resolved_host_policy() {
    let url = "https://npm.corp.example:8443/repo/ms/-/ms-2.1.3.tgz";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("ms", "2.1.3", registry(url), Some(SHA512), 7)],
    );
    assert_eq!(of(&run(&g), "lockfile/resolved-host").len(), 1);
    for allowed in [
        "npm.corp.example",
        "NPM.corp.example.",
        "npm.corp.example:8443",
        "https://npm.corp.example:8443/repo/",
    ] {
        let policy = LockfilePolicy::default().with_registry(allowed);
        assert!(check(&g, &policy).is_empty(), "{allowed}");
    }
    let policy = LockfilePolicy::default().with_registry("npm.corp.example:443");
    assert_eq!(check(&g, &policy).len(), 1);
    // The message lists the allowed hosts normalised, without repeats.
    let policy = LockfilePolicy::default().with_registry("https://registry.npmjs.org/");
    let findings = check(&g, &policy);
    assert!(
        findings[0]
            .message
            .contains("not an allowed registry (registry.npmjs.org, registry.yarnpkg.com)"),
        "{}",
        findings[0].message
    );
    let policy = LockfilePolicy::default().with_registry("corp.example");
    assert_eq!(check(&g, &policy).len(), 1, "no subdomain matching");
}

#[test]
fn insecure_scheme() {
    let url = "http://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz";
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg("debug", "4.4.3", registry(url), Some(SHA512), 3)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/insecure-scheme",
        "debug@4.4.3",
        5,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
    // Without integrity nothing pins the content: high (plus integrity-missing).
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg("debug", "4.4.3", registry(url), None, 3)],
    );
    assert_one(
        &run(&g),
        "lockfile/insecure-scheme",
        "debug@4.4.3",
        5,
        Severity::High,
    );
    // git:// without a commit.
    let git = Source::Git {
        url: "git://github.com/a/debug.git#main".into(),
        commit: None,
    };
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("debug", "4.4.3", git, None, 3)],
    );
    assert_one(
        &run(&g),
        "lockfile/insecure-scheme",
        "debug@4.4.3",
        5,
        Severity::High,
    );
    // Allowed by policy.
    let mut policy = LockfilePolicy::default();
    policy.allowed_schemes.push("http".into());
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg("debug", "4.4.3", registry(url), Some(SHA512), 3)],
    );
    assert!(check(&g, &policy).is_empty());
}

#[test]
fn disallowed_scheme() {
    let git = Source::Git {
        url: format!("git+file:///tmp/debug.git#{COMMIT}"),
        commit: None,
    };
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("debug", "4.4.3", git, None, 3)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/disallowed-scheme",
        "debug@4.4.3",
        5,
        Severity::High,
    );
    assert!(findings.iter().any(|f| f.message.contains("`git+file:`")));
    // git+https is allowed by default, but not by a https-only policy.
    let git = Source::Git {
        url: format!("git+https://github.com/a/debug.git#{COMMIT}"),
        commit: None,
    };
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("debug", "4.4.3", git, None, 3)],
    );
    assert!(of(&run(&g), "lockfile/disallowed-scheme").is_empty());
    let strict = LockfilePolicy {
        allowed_schemes: vec!["https".into()],
        ..LockfilePolicy::default()
    };
    assert_eq!(
        of(&check(&g, &strict), "lockfile/disallowed-scheme").len(),
        1
    );
    // A registry URL with an odd scheme.
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "ms",
            "2.1.3",
            registry("ftp://registry.npmjs.org/ms/-/ms-2.1.3.tgz"),
            Some(SHA512),
            3,
        )],
    );
    assert_one(
        &run(&g),
        "lockfile/disallowed-scheme",
        "ms@2.1.3",
        5,
        Severity::High,
    );
}

#[test]
fn resolved_name_mismatch_defeats_the_lockfile_lint_bypass() {
    for url in [
        "https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms/%2E%2E/evil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms/..%2fevil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms//..//evil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/evil-pkg/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms/-/evil-pkg-1.0.0.tgz",
        "https://registry.npmjs.org/ms/-/../../evil-pkg/-/evil-pkg-1.0.0.tgz",
    ] {
        let g = graph(
            LockfileFormat::Npm,
            vec![pkg("ms", "2.1.3", registry(url), Some(SHA512), 11)],
        );
        let findings = run(&g);
        assert_one(
            &findings,
            "lockfile/resolved-name-mismatch",
            "ms@2.1.3",
            13,
            Severity::High,
        );
        assert!(
            of(&findings, "lockfile/resolved-version-mismatch").is_empty(),
            "{url}"
        );
    }
    // Shape destroyed by normalisation.
    let url = "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz/..";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("ms", "2.1.3", registry(url), Some(SHA512), 11)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-name-mismatch",
        "ms@2.1.3",
        13,
        Severity::High,
    );
    assert!(findings[0].message.contains("no registry tarball path"));
    // A harmless dot segment that still lands on the right package.
    let url = "https://registry.npmjs.org/evil/../ms/-/ms-2.1.3.tgz";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg("ms", "2.1.3", registry(url), Some(SHA512), 11)],
    );
    clean(&g);
}

#[test]
fn resolved_version_mismatch() {
    let url = "https://registry.yarnpkg.com/is-number/-/is-number-6.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b";
    let g = graph(
        LockfileFormat::YarnClassic,
        vec![pkg("is-number", "7.0.0", registry(url), Some(SHA512), 21)],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-version-mismatch",
        "is-number@7.0.0",
        23,
        Severity::High,
    );
    assert_eq!(findings.len(), 1);
    assert!(findings[0].message.contains("6.0.0"));
    // Prerelease and scoped names read right; build metadata is ignored.
    clean(&graph(
        LockfileFormat::Npm,
        vec![
            pkg(
                "@scope/a-b",
                "1.0.0-rc.1",
                npm("@scope/a-b", "1.0.0-rc.1"),
                Some(SHA512),
                21,
            ),
            pkg(
                "c",
                "1.0.0+build.5",
                registry("https://registry.npmjs.org/c/-/c-1.0.0.tgz"),
                Some(SHA512),
                31,
            ),
        ],
    ));
}

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
    // A sha1 among sha512 entries: medium.
    let g = graph(
        LockfileFormat::Pnpm,
        vec![
            pkg(
                "ms",
                "2.1.3",
                Source::Registry { resolved: None },
                Some(SHA1),
                50,
            ),
            pkg(
                "debug",
                "4.4.3",
                Source::Registry { resolved: None },
                Some(SHA512),
                60,
            ),
        ],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/integrity-weak",
        "ms@2.1.3",
        53,
        Severity::Medium,
    );
    assert_eq!(findings.len(), 1);
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
    assert_eq!(all.len(), 13);
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
