//! The tamper corpus (`../shared/corpus/tamper`, see its README): every case whose
//! `expect.json` says `detectable_offline: true` must yield a finding of severity ≥ medium on
//! exactly the tampered entry, from a rule that answers the case's kind; no other entry may get
//! a finding ≥ medium; every untampered `base-*` must have none. Cases are discovered from the
//! folder (not listed here), so a held-out set with the same layout runs unchanged.

use diligence_finding::{Finding, Severity};
use diligence_lockfile_rules::{LockfilePolicy, check};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

/// The rules that answer a tamper kind (README "Kinds").
fn rules_for(kind: &str) -> &'static [&'static str] {
    match kind {
        "T1" => &["lockfile/resolved-host"],
        "T2" => &["lockfile/resolved-name-mismatch"],
        "T3" => &["lockfile/resolved-version-mismatch"],
        "T5" => &["lockfile/integrity-missing", "lockfile/integrity-weak"],
        "T6" => &["lockfile/insecure-scheme"],
        "T7" => &["lockfile/orphan-entry"],
        "T8" => &[
            "lockfile/git-source",
            "lockfile/remote-tarball",
            "lockfile/spec-source-mismatch",
        ],
        "T9" => &["lockfile/local-path-outside-project"],
        _ => &[],
    }
}

fn entry_of(f: &Finding) -> String {
    f.package
        .as_ref()
        .map(|p| format!("{}@{}", p.name, p.version))
        .unwrap_or_default()
}

/// True when finding `f` is about `entry` (`name@version`). A tamper that turns an entry into
/// a `link:`/`file:` source leaves it without a version of its own: readers then record the
/// spec as its version (`ms@link:../../../tmp/x`, as the corpus ground truth spells it), so
/// the name decides.
fn is_on(f: &Finding, entry: &str) -> bool {
    let Some(p) = &f.package else {
        return false;
    };
    let Some((name, version)) = entry.rsplit_once('@') else {
        return false;
    };
    p.name == name && (p.version == version || p.version.contains(':'))
}

fn lockfile_in(dir: &Path) -> PathBuf {
    [
        "package-lock.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lock",
    ]
    .iter()
    .map(|n| dir.join(n))
    .find(|p| p.is_file())
    .unwrap_or_else(|| panic!("{}: no lockfile", dir.display()))
}

fn audit(lockfile: &Path) -> Result<Vec<Finding>, String> {
    let graph = diligence_lockfile::read_lockfile(lockfile).map_err(|e| e.to_string())?;
    Ok(check(&graph, &LockfilePolicy::default()))
}

fn serious(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Medium)
        .map(|f| format!("{} {} {}: {}", f.severity, f.rule, entry_of(f), f.message))
        .collect()
}

/// Checks one tampered case; `Err` describes what is wrong.
fn tamper_case(dir: &Path, expect: &serde_json::Value) -> Result<(), String> {
    let lockfile = dir.join(
        expect["lockfile"]
            .as_str()
            .ok_or("expect.json: no lockfile")?,
    );
    let kind = expect["kind"].as_str().ok_or("expect.json: no kind")?;
    let entry = expect["entry"].as_str().ok_or("expect.json: no entry")?;
    let findings = audit(&lockfile)?;
    if expect["detectable_offline"] != serde_json::Value::Bool(true) {
        // T4: nothing to see offline; the registry cross-check owns it. No false alarm either.
        return match serious(&findings).as_slice() {
            [] => Ok(()),
            extra => Err(format!(
                "offline-undetectable case has findings: {extra:#?}"
            )),
        };
    }
    let wanted = rules_for(kind);
    let hit = findings.iter().any(|f| {
        f.severity >= Severity::Medium && is_on(f, entry) && wanted.contains(&f.rule.as_str())
    });
    let elsewhere: Vec<String> = findings
        .iter()
        .filter(|f| f.severity >= Severity::Medium && !is_on(f, entry))
        .map(|f| format!("{} {} {}", f.severity, f.rule, entry_of(f)))
        .collect();
    match (hit, elsewhere.is_empty()) {
        (true, true) => Ok(()),
        (false, _) => Err(format!(
            "{kind} on {entry}: no ≥ medium finding from {wanted:?}; got {:#?}",
            serious(&findings)
        )),
        (true, false) => Err(format!(
            "findings ≥ medium on other entries: {elsewhere:#?}"
        )),
    }
}

#[test]
fn every_offline_tamper_case_is_caught_on_its_entry() {
    diligence_testkit::corpus_or_skip!("tamper");
    let mut failures = Vec::new();
    let mut caught = 0;
    for dir in case_dirs() {
        let Ok(text) = std::fs::read_to_string(dir.join("expect.json")) else {
            continue;
        };
        let expect: serde_json::Value = serde_json::from_str(&text).expect("expect.json parses");
        match tamper_case(&dir, &expect) {
            Ok(()) => caught += 1,
            Err(e) => failures.push(format!("{}: {e}", dir.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(caught > 0, "no tamper case found");
}

#[test]
fn untampered_bases_have_no_finding_above_info() {
    diligence_testkit::corpus_or_skip!("tamper");
    let mut failures = Vec::new();
    let mut bases = 0;
    for dir in case_dirs() {
        if !dir.join("expected.json").is_file() {
            continue;
        }
        bases += 1;
        match audit(&lockfile_in(&dir)) {
            Err(e) => failures.push(e),
            Ok(findings) => {
                let above_info: Vec<_> = findings
                    .iter()
                    .filter(|f| f.severity > Severity::Info)
                    .map(|f| format!("{} {} {}: {}", f.severity, f.rule, entry_of(f), f.message))
                    .collect();
                if !above_info.is_empty() {
                    failures.push(format!("{}: {above_info:#?}", dir.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(bases > 0, "no base-* folder found");
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tamper corpus beside the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}
