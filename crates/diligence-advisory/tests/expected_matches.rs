//! Done-when (a): `shared/corpus/advisories/expected-matches*.json` reproduced exactly.
//!
//! Two ways in: from each lockfile folder's `expected.json` `registry` list (the matcher
//! alone), and from the graphs the lockfile readers build (`read_lockfile` +
//! `registry_ids()`), which is the path `audit` takes.

use diligence_advisory::AdvisoryDb;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

type Answer = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn corpus() -> PathBuf {
    diligence_testkit::corpus("").expect("shared corpus: the test calls corpus_or_skip! first")
}

fn load_db(with_synthetic: bool) -> AdvisoryDb {
    let osv = corpus().join("advisories/osv");
    let synth = corpus().join("advisories/osv-synthetic");
    let mut sources = vec![osv.to_str().expect("utf-8 path").to_string()];
    if with_synthetic {
        sources.push(synth.to_str().expect("utf-8 path").to_string());
    }
    let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
    AdvisoryDb::load_sources(&refs).expect("advisory fixtures load")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(file: &str) -> Answer {
    let value = read_json(&corpus().join("advisories").join(file));
    serde_json::from_value(value).expect("answer file shape")
}

fn lockfile_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus().join("lockfiles"))
        .expect("lockfiles corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn match_ids(db: &AdvisoryDb, ids: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for id in ids {
        let (name, version) = id.rsplit_once('@').expect("name@version");
        let mut hits: Vec<String> = db
            .matches(name, version)
            .expect("index readable")
            .into_iter()
            .map(|m| m.advisory.id)
            .collect();
        if hits.is_empty() {
            continue;
        }
        hits.sort();
        hits.dedup();
        out.insert(id.clone(), hits);
    }
    out
}

fn registry_list(dir: &Path) -> Vec<String> {
    let value = read_json(&dir.join("expected.json"));
    let list = value
        .get("registry")
        .and_then(Value::as_array)
        .expect("registry list");
    list.iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

fn dir_name(dir: &Path) -> String {
    dir.file_name()
        .expect("dir name")
        .to_string_lossy()
        .into_owned()
}

fn diff(expected: &Answer, actual: &Answer) -> String {
    let mut out = String::new();
    for (dir, exp) in expected {
        let empty = BTreeMap::new();
        let act = actual.get(dir).unwrap_or(&empty);
        for (k, v) in exp {
            if act.get(k) != Some(v) {
                out.push_str(&format!(
                    "{dir}: {k}: expected {v:?}, got {:?}\n",
                    act.get(k)
                ));
            }
        }
        for (k, v) in act {
            if !exp.contains_key(k) {
                out.push_str(&format!("{dir}: {k}: unexpected {v:?}\n"));
            }
        }
    }
    out
}

fn check_from_registry_lists(file: &str, with_synthetic: bool) {
    let db = load_db(with_synthetic);
    let mut actual = Answer::new();
    for dir in lockfile_dirs() {
        actual.insert(dir_name(&dir), match_ids(&db, &registry_list(&dir)));
    }
    let expected = expected(file);
    assert_eq!(
        expected,
        actual,
        "differences:\n{}",
        diff(&expected, &actual)
    );
}

#[test]
fn expected_matches_from_registry_lists() {
    diligence_testkit::corpus_or_skip!("");
    check_from_registry_lists("expected-matches.json", false);
}

#[test]
fn expected_matches_with_synthetic_from_registry_lists() {
    diligence_testkit::corpus_or_skip!("");
    check_from_registry_lists("expected-matches-with-synthetic.json", true);
}

fn lockfile_path(dir: &Path) -> PathBuf {
    let value = read_json(&dir.join("expected.json"));
    let file = value.get("file").and_then(Value::as_str).expect("file");
    dir.join(file)
}

fn check_from_lockfiles(file: &str, with_synthetic: bool) {
    let db = load_db(with_synthetic);
    let mut actual = Answer::new();
    let mut errors = Vec::new();
    for dir in lockfile_dirs() {
        match diligence_lockfile::read_lockfile(&lockfile_path(&dir)) {
            Ok(graph) => {
                actual.insert(dir_name(&dir), match_ids(&db, &graph.registry_ids()));
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let expected = expected(file);
    // Compare what was read first (more useful output), then require every lockfile.
    let read_only: Answer = expected
        .iter()
        .filter(|(dir, _)| actual.contains_key(*dir))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(
        read_only,
        actual,
        "differences:\n{}",
        diff(&read_only, &actual)
    );
    assert!(
        errors.is_empty(),
        "lockfiles not read:\n{}",
        errors.join("\n")
    );
    assert_eq!(expected, actual);
}

#[test]
fn expected_matches_from_lockfiles() {
    diligence_testkit::corpus_or_skip!("");
    check_from_lockfiles("expected-matches.json", false);
}

#[test]
fn expected_matches_with_synthetic_from_lockfiles() {
    diligence_testkit::corpus_or_skip!("");
    check_from_lockfiles("expected-matches-with-synthetic.json", true);
}

#[test]
fn status_counts_the_fixture_snapshot() {
    diligence_testkit::corpus_or_skip!("");
    let db = load_db(false);
    let s = db.status();
    // 65 files: 32 GHSA (1 withdrawn, 1 GitHub Actions only), 33 MAL (3 withdrawn).
    assert_eq!(s.withdrawn, 4);
    assert_eq!(s.other_ecosystems, 1);
    assert_eq!(s.malware + s.vulnerability, 60);
    assert!(s.newest_modified.is_some());
}
