//! `resolved` URL rules: host, scheme, name and version in the tarball path. One positive and one negative case per rule on
//! small hand-built graphs, asserting the exact rule id, package, severity and line.

mod common;

use common::*;
use diligence_finding::Severity;
use diligence_graph::{LockfileFormat, Source};
use diligence_lockfile_rules::{LockfilePolicy, check};

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
fn name_and_version_are_checked_on_registry_shaped_tarballs_of_allowed_hosts() {
    // A reader that sees no registry shape (the file segment holds a `/`) calls it a tarball;
    // normalised, it addresses evil-pkg on the registry.
    let url =
        "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz/../../../evil-pkg/-/evil-pkg-1.0.0.tgz/.";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "ms",
            "2.1.3",
            Source::Tarball { url: url.into() },
            Some(SHA512),
            11,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-name-mismatch",
        "ms@2.1.3",
        13,
        Severity::High,
    );
    let url = "https://registry.npmjs.org/ms/-/ms-2.0.0.tgz/.";
    let g = graph(
        LockfileFormat::Npm,
        vec![pkg(
            "ms",
            "2.1.3",
            Source::Tarball { url: url.into() },
            Some(SHA512),
            11,
        )],
    );
    let findings = run(&g);
    assert_one(
        &findings,
        "lockfile/resolved-version-mismatch",
        "ms@2.1.3",
        13,
        Severity::High,
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
}
