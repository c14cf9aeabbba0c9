//! The shared tamper corpus (`shared/corpus/tamper`) cross-checked against a real local
//! registry (Verdaccio) serving the real tarballs of the packages those lockfiles lock
//! (debug, ms, is-number, picocolors, @types/debug, @types/ms, plus the "other versions" the
//! T4 cases borrow integrities from), published from `tests/fixtures/tarballs`.
//!
//! With the registry: every case whose tamper the registry can see is reported on the
//! tampered entry and line (T1, T2, T3, T6: `registry/resolved-mismatch`; T4:
//! `registry/integrity-mismatch`; T5: `registry/integrity-downgrade`; T7:
//! `registry/version-missing`), yarn berry checksums are "not verifiable against the
//! registry", and nothing else is reported. The remaining kinds (T8, T9) are offline findings
//! of the lockfile rules. Without the registry (offline,
//! empty cache) every case has not-evaluated records, so the CLI exits 2.

mod support;

use diligence_registry::{
    Cache, ClientOptions, CrosscheckOptions, Mode, NpmConfig, RegistryClient, crosscheck,
};
use std::path::{Path, PathBuf};
use support::{Verdaccio, fixture_tarballs};

fn corpus() -> PathBuf {
    diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

struct Case {
    dir: PathBuf,
    lockfile: PathBuf,
    expect: Option<serde_json::Value>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus()).expect("tamper corpus") {
        let dir = entry.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        let expect = std::fs::read(dir.join("expect.json"))
            .ok()
            .map(|b| serde_json::from_slice::<serde_json::Value>(&b).expect("expect.json"));
        let lockfile = match &expect {
            Some(e) => dir.join(e["lockfile"].as_str().expect("lockfile")),
            None => diligence_lockfile::find_lockfile(&dir).expect("base lockfile"),
        };
        out.push(Case {
            dir,
            lockfile,
            expect,
        });
    }
    out.sort_by(|a, b| a.dir.cmp(&b.dir));
    out
}

fn client(registry: &str, cache: &Path, mode: Mode) -> RegistryClient {
    let config =
        NpmConfig::from_npmrc(".npmrc", &format!("registry={registry}"), &[]).expect("config");
    let options = ClientOptions {
        mode,
        retries: 0,
        ..ClientOptions::default()
    };
    RegistryClient::new(config, Some(Cache::new(cache)), options).expect("client")
}

/// The rule the registry side must report for a tamper kind, if any.
fn registry_rule(kind: &str, format: &str) -> Option<&'static str> {
    match kind {
        "T1" | "T2" | "T3" | "T6" => Some("registry/resolved-mismatch"),
        "T4" if format != "yarn-berry" => Some("registry/integrity-mismatch"),
        "T5" => Some("registry/integrity-downgrade"),
        "T7" => Some("registry/version-missing"),
        _ => None,
    }
}

/// 1-based line of the first line of `text` containing `needle`.
fn line_containing(text: &str, needle: &str) -> u32 {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i as u32 + 1)
        .unwrap_or_else(|| panic!("`{needle}` not in lockfile"))
}

/// The text whose line the finding must point at: the tampered value, for T7 the key of the
/// injected entry, for a removed value (`tampered: null`) the quoted entry key of
/// `lockfile_path` (`packages["node_modules/is-number"].integrity` → `"node_modules/is-number"`).
fn tampered_needle(expect: &serde_json::Value) -> String {
    let tampered = &expect["tampered"];
    if let Some(s) = tampered.as_str() {
        return s.to_string();
    }
    if tampered.is_null() {
        let path = expect["lockfile_path"].as_str().expect("lockfile_path");
        let key = path
            .split_once("[\"")
            .and_then(|(_, rest)| rest.split_once("\"]"))
            .map(|(key, _)| key)
            .expect("entry key in lockfile_path");
        return format!("\"{key}\"");
    }
    tampered["key"].as_str().expect("tampered key").to_string()
}

#[test]
fn tamper_cases_with_and_without_the_registry() {
    diligence_testkit::corpus_or_skip!("tamper");
    let registry = Verdaccio::start("@nothing-private/*");
    for (_, bytes) in fixture_tarballs() {
        registry.publish(&bytes);
    }
    let warm = tempfile::tempdir().expect("cache");
    let online = client(&registry.url, warm.path(), Mode::Online);
    let empty = tempfile::tempdir().expect("cache");
    let offline = client(&registry.url, empty.path(), Mode::Offline);
    let options = CrosscheckOptions::default();
    let mut checked = 0;
    for case in cases() {
        let name = case.dir.file_name().unwrap().to_string_lossy().into_owned();
        let graph = diligence_lockfile::read_lockfile(&case.lockfile)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = std::fs::read_to_string(&case.lockfile).expect("lockfile text");
        let (findings, not_evaluated) = crosscheck(&graph, &online, &options);
        let got: Vec<(String, String, u32)> = findings
            .iter()
            .map(|f| {
                let p = f.package.as_ref().expect("package");
                (
                    f.rule.clone(),
                    format!("{}@{}", p.name, p.version),
                    f.location.as_ref().map(|l| l.line).unwrap_or(0),
                )
            })
            .collect();
        let format = case
            .expect
            .as_ref()
            .map(|e| e["format"].as_str().unwrap_or("").to_string())
            .unwrap_or_else(|| name.trim_start_matches("base-").to_string());
        // Berry checksums are never compared with dist.integrity: one record per entry.
        let berry: Vec<_> = not_evaluated
            .iter()
            .filter(|n| n.why.contains("yarn berry checksum"))
            .collect();
        let others: Vec<_> = not_evaluated
            .iter()
            .filter(|n| !n.why.contains("yarn berry checksum"))
            .collect();
        if format == "yarn-berry" {
            assert!(!berry.is_empty(), "{name}: berry checksums not reported");
        }
        let Some(expect) = &case.expect else {
            assert_eq!(got, vec![], "{name}: a base must be clean");
            assert!(others.is_empty(), "{name}: {others:?}");
            checked += 1;
            continue;
        };
        let kind = expect["kind"].as_str().expect("kind");
        let entry = expect["entry"].as_str().expect("entry").to_string();
        let expected: Vec<(String, String, u32)> = match registry_rule(kind, &format) {
            Some(rule) => vec![(
                rule.to_string(),
                entry.clone(),
                line_containing(&text, &tampered_needle(expect)),
            )],
            None => vec![],
        };
        assert_eq!(got, expected, "{name}");
        // T7's injected package does not exist: its 404 is the finding, nothing is pending.
        assert!(others.is_empty(), "{name}: {others:?}");
        if kind == "T4" && format == "yarn-berry" {
            let what = format!("registry integrity check of {entry}");
            assert!(
                berry.iter().any(|n| n.what == what),
                "{name}: {entry} not listed as not verifiable"
            );
        }

        // Without the registry: not evaluated (exit 2), and never a clean pass of the entry.
        let (_, not_evaluated) = crosscheck(&graph, &offline, &options);
        assert!(
            !not_evaluated.is_empty(),
            "{name}: offline run evaluated everything"
        );
        if registry_rule(kind, &format).is_some() {
            let what = format!("registry cross-check of {entry}");
            assert!(
                not_evaluated.iter().any(|n| n.what == what),
                "{name}: {entry} not listed as not evaluated offline"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 21, "5 bases and 16 cases");
}
