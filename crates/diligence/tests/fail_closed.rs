//! Nothing hidden (issue 11, item 4): every error path of every layer ends in a finding or a
//! not-evaluated record, in every command and format. One test per path, each through the
//! commands it applies to, against a fixture registry on 127.0.0.1.
//!
//! | path | expected |
//! |---|---|
//! | tarball bytes that do not match the packument (audit, diff, check) | `registry/tarball-integrity`, exit 1 |
//! | analysis stopped on a limit / truncated tarball (audit, diff, check) | `code scan of …` not evaluated, exit 2 |
//! | a high archive anomaly in a package the verdict calls clean (check, audit) | kept: `code/archive-anomaly` high, exit 1 |
//! | a malformed OSV record whose range would match nothing (audit, diff, check) | `advisories of …` not evaluated, exit 2 |
//! | a cut OSV record beside good ones (audit, diff, check) | `advisory record …` not evaluated, the rest still read, exit 2 |
//! | a dependency's bundled entry the registry does not have (audit) | no registry finding, no gap: its code is the bundler's tarball; flagged `inBundle` but not in the parent's `bundleDependencies` (npm fetches it), or unflagged: `registry/version-missing` |
//! | a lockfile cut down to its root (npm, pnpm, bun) | `lockfile/unlocked-dependency` + the unlocked code not evaluated, exit 2 |
//! | scan JSON of a partly analysed package | `complete: false` and listed under `not_evaluated` |
//! | every format writes the not-evaluated records and the suppressed count | JSON, SARIF, Markdown, human |

mod support {
    pub mod fixture_registry;
}

use base64::Engine as _;
use serde_json::{Value, json};
use sha2::Digest;
use std::path::{Path, PathBuf};
use support::fixture_registry::{FixtureRegistry, FixtureVersion};

fn sri(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A gzip'd tar; `(path, Some(content))` files, `(path, None)` a symlink to `../../.ssh/id_rsa`.
fn tarball(entries: &[(&str, Option<&str>)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (path, content) in entries {
        let mut header = tar::Header::new_gnu();
        match content {
            Some(text) => {
                header.set_size(text.len() as u64);
                header.set_mode(0o644);
                header.set_cksum();
                tar.append_data(&mut header, path, text.as_bytes()).unwrap();
            }
            None => {
                header.set_entry_type(tar::EntryType::Symlink);
                header.set_size(0);
                header.set_mode(0o777);
                tar.append_link(&mut header, path, "../../.ssh/id_rsa")
                    .unwrap();
            }
        }
    }
    tar.into_inner().unwrap().finish().unwrap()
}

struct World {
    reg: FixtureRegistry,
    tmp: tempfile::TempDir,
    /// name → the integrity the packument publishes.
    integrity: std::collections::BTreeMap<String, String>,
}

fn world() -> World {
    let v = FixtureVersion::new;
    let swapped = v("swapped", "1.0.0", &[]);
    let other = v("swapped", "1.0.0", &[]).file("extra.js", "module.exports = 2;\n");
    let swapped = swapped.serving(other.tarball());
    let mut linky = v("linky", "1.0.0", &[]);
    linky.tarball_bytes = Some(tarball(&[
        (
            "package/package.json",
            Some(r#"{"name":"linky","version":"1.0.0","main":"index.js"}"#),
        ),
        ("package/index.js", Some("module.exports = 1;\n")),
        ("package/config", None),
    ]));
    let cut = v("half-there", "1.0.0", &[])
        .file("lib/big.js", &"module.exports.x = 1;\n".repeat(2000))
        .truncated(300);
    let versions = vec![swapped, linky, cut, v("fixture-plain", "1.0.0", &[])];
    let integrity = versions
        .iter()
        .map(|x| (x.name.clone(), sri(&x.tarball())))
        .collect();
    World {
        reg: FixtureRegistry::start(&versions, &[]),
        tmp: tempfile::tempdir().unwrap(),
        integrity,
    }
}

impl World {
    /// A project locking `fixture-plain` plus `names` (npm lockfile v3, integrities from the packument).
    fn project(&self, dir_name: &str, names: &[&str]) -> PathBuf {
        let dir = self.tmp.path().join(dir_name);
        std::fs::create_dir_all(&dir).unwrap();
        let mut packages = serde_json::Map::new();
        let mut deps = serde_json::Map::new();
        for name in std::iter::once(&"fixture-plain").chain(names) {
            deps.insert(name.to_string(), json!("1.0.0"));
            packages.insert(
                format!("node_modules/{name}"),
                json!({
                    "version": "1.0.0",
                    "resolved": format!("https://registry.npmjs.org/{name}/-/{name}-1.0.0.tgz"),
                    "integrity": self.integrity[*name],
                }),
            );
        }
        packages.insert(
            String::new(),
            json!({"name": "app", "version": "1.0.0", "dependencies": deps}),
        );
        let lock = json!({"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": packages});
        std::fs::write(dir.join("package-lock.json"), lock.to_string()).unwrap();
        std::fs::write(
            dir.join("package.json"),
            json!({"name": "app", "version": "1.0.0", "dependencies": deps}).to_string(),
        )
        .unwrap();
        self.npmrc(&dir);
        dir
    }

    fn npmrc(&self, dir: &Path) {
        std::fs::write(
            dir.join(".npmrc"),
            format!(
                "registry={}\nproxy=http://127.0.0.1:9/\nnoproxy=127.0.0.1\n",
                self.reg.url
            ),
        )
        .unwrap();
    }

    /// `diligence` with this world's home, cache and user `.npmrc`, no colour.
    fn cmd(&self) -> assert_cmd::Command {
        let home = self.tmp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let mut cmd = assert_cmd::Command::cargo_bin("diligence").unwrap();
        cmd.env("HOME", &home)
            .env("DILIGENCE_CACHE_DIR", self.tmp.path().join("cache"))
            .env("npm_config_userconfig", home.join(".npmrc"))
            .env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> (i32, Value, String) {
        let out = self
            .cmd()
            .args(args)
            .args(["-q", "--no-advisories", "--format", "json"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let json = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{stderr}", String::from_utf8_lossy(&out.stdout)));
        (out.status.code().unwrap(), json, stderr)
    }

    /// audit of `head`, diff of `base` → `head` and check of `spec`.
    fn three(&self, names: &[&str], spec: &str) -> Vec<(&'static str, i32, Value)> {
        let base = self.project(&format!("base-{spec}"), &[]);
        let head = self.project(&format!("head-{spec}"), names);
        let (a, audit, _) = self.run(&["audit", head.to_str().unwrap()]);
        let (d, diff, _) = self.run(&[
            "diff",
            "--base-lockfile",
            base.join("package-lock.json").to_str().unwrap(),
            "--head-lockfile",
            head.join("package-lock.json").to_str().unwrap(),
        ]);
        let (c, check, _) = self.run(&["check", spec, "--dir", head.to_str().unwrap()]);
        vec![("audit", a, audit), ("diff", d, diff), ("check", c, check)]
    }
}

fn findings(report: &Value, rule: &str) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                f["package"]["name"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn gaps(report: &Value) -> Vec<String> {
    report["not_evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["what"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn tarball_bytes_that_do_not_match_are_a_finding_everywhere() {
    let w = world();
    for (command, code, report) in w.three(&["swapped"], "swapped@1.0.0") {
        assert_eq!(
            findings(&report, "registry/tarball-integrity"),
            [("swapped".to_string(), "critical".to_string())],
            "{command}: {report:#}"
        );
        assert_eq!(code, 1, "{command}");
        assert!(
            gaps(&report).contains(&"code scan of swapped@1.0.0".to_string()),
            "{command}: the registry's bytes cannot be had either: {report:#}"
        );
    }
}

/// An entry whose `resolved` is on the registry host but not in the registry's
/// `<name>/-/<file>.tgz` shape is read as a remote tarball; it used to skip the registry
/// cross-checks and the remote-tarball rule (allowed host) without a word. It is what the
/// registry serves for that name@version, so it is cross-checked: the URL is not the
/// packument's `dist.tarball`.
#[test]
fn a_registry_host_url_outside_the_tarball_shape_is_cross_checked() {
    let w = world();
    let base = w.project("odd-base", &[]);
    let head = w.project("odd-head", &[]);
    let lock = head.join("package-lock.json");
    let text = std::fs::read_to_string(&lock).unwrap().replace(
        "https://registry.npmjs.org/fixture-plain/-/fixture-plain-1.0.0.tgz",
        "https://registry.npmjs.org/download/fixture-plain/1.0.0/0a1b2c.tgz",
    );
    assert!(text.contains("/download/fixture-plain/"));
    std::fs::write(&lock, text).unwrap();
    let (code, audit, _) = w.run(&["audit", head.to_str().unwrap(), "--no-code"]);
    assert_eq!(
        findings(&audit, "registry/resolved-mismatch"),
        [("fixture-plain".to_string(), "critical".to_string())],
        "{audit:#}"
    );
    assert_eq!(code, 1);
    let (code, diff, _) = w.run(&[
        "diff",
        "--no-code",
        "--base-lockfile",
        base.join("package-lock.json").to_str().unwrap(),
        "--head-lockfile",
        lock.to_str().unwrap(),
    ]);
    assert_eq!(
        findings(&diff, "registry/resolved-mismatch"),
        [("fixture-plain".to_string(), "critical".to_string())],
        "{diff:#}"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_scan_stopped_part_way_is_not_evaluated_everywhere() {
    let w = world();
    for (command, code, report) in w.three(&["half-there"], "half-there@1.0.0") {
        assert_eq!(
            gaps(&report),
            ["code scan of half-there@1.0.0"],
            "{command}: {report:#}"
        );
        let verdict = report["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["package"]["name"] == "half-there")
            .unwrap();
        assert_eq!(verdict["complete"], false, "{command}");
        assert_eq!(code, 2, "{command}");
    }
}

#[test]
fn a_high_archive_anomaly_is_kept_when_the_verdict_is_clean() {
    let w = world();
    for (command, code, report) in w.three(&["linky"], "linky@1.0.0") {
        assert_eq!(
            findings(&report, "code/archive-anomaly"),
            [("linky".to_string(), "high".to_string())],
            "{command}: {report:#}"
        );
        let verdict = report["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["package"]["name"] == "linky")
            .unwrap();
        assert_eq!(verdict["verdict"], "clean", "{command}");
        assert_eq!(code, 1, "{command}");
    }
}

#[test]
fn a_dependencys_bundled_entry_is_judged_inside_its_bundler() {
    let w = world();
    let dir = w.project("bundled", &[]);
    let lock_path = dir.join("package-lock.json");
    // (child flagged `inBundle`, parent lists it in `bundleDependencies`)
    for (in_bundle, listed) in [(true, true), (true, false), (false, false)] {
        let mut lock: Value =
            serde_json::from_str(&std::fs::read_to_string(&lock_path).unwrap()).unwrap();
        let mut entry = json!({"version": "1.0.0-fork", "license": "MIT"});
        if in_bundle {
            entry["inBundle"] = json!(true);
        }
        lock["packages"]["node_modules/fixture-plain/node_modules/private-fork"] = entry;
        lock["packages"]["node_modules/fixture-plain"]["dependencies"] =
            json!({"private-fork": "1.0.0-fork"});
        lock["packages"]["node_modules/fixture-plain"]["bundleDependencies"] = if listed {
            json!(["private-fork"])
        } else {
            json!([])
        };
        std::fs::write(&lock_path, lock.to_string()).unwrap();
        let out = w
            .cmd()
            .args(["audit", dir.to_str().unwrap()])
            .args(["-q", "--no-advisories", "--format", "json"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["package"]["name"] == "private-fork")
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        if in_bundle && listed {
            assert_eq!(rules, ["lockfile/integrity-missing"], "{report:#}");
            assert_eq!(report["not_evaluated"], json!([]), "{report:#}");
            assert_eq!(out.status.code(), Some(0), "{report:#}");
        } else {
            assert!(rules.contains(&"registry/version-missing"), "{report:#}");
            assert_ne!(out.status.code(), Some(0), "{report:#}");
        }
    }
}

/// `check name@x.y.z` of a version the registry no longer serves (taken down as malware)
/// still matches the advisories: the known-malicious record is named, not only "no version
/// satisfies it" (new-user trial).
#[test]
fn check_of_a_taken_down_version_names_its_malware_record() {
    let w = world();
    let osv = w.tmp.path().join("osv-gone");
    std::fs::create_dir_all(&osv).unwrap();
    std::fs::write(
        osv.join("MAL-test-gone.json"),
        json!({
            "id": "MAL-test-gone",
            "modified": "2026-01-01T00:00:00Z",
            "summary": "Malicious code in fixture-plain (npm)",
            "affected": [{"package": {"ecosystem": "npm", "name": "fixture-plain"}, "versions": ["9.9.9"]}]
        })
        .to_string(),
    )
    .unwrap();
    let dir = w.project("gone", &[]);
    let out = w
        .cmd()
        .args([
            "check",
            "fixture-plain@9.9.9",
            "--dir",
            dir.to_str().unwrap(),
        ])
        .args([
            "-q",
            "--no-metadata",
            "--db",
            osv.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"advisory/malware"), "{report:#}");
    assert_eq!(out.status.code(), Some(1), "{report:#}");
}

#[test]
fn a_malformed_advisory_record_is_not_evaluated() {
    let w = world();
    let osv = w.tmp.path().join("osv");
    std::fs::create_dir_all(&osv).unwrap();
    let record = json!({
        "id": "GHSA-test-bad0-rnge",
        "modified": "2026-01-01T00:00:00Z",
        "summary": "a record with a broken range",
        "affected": [{
            "package": {"ecosystem": "npm", "name": "fixture-plain"},
            "ranges": [{"type": "SEMVER", "events": [{"introduced": "one.two"}, {"fixed": "2.0.0"}]}]
        }]
    });
    std::fs::write(osv.join("GHSA-test-bad0-rnge.json"), record.to_string()).unwrap();
    // A cut record beside it: listed, not a reason to drop the good one.
    std::fs::write(
        osv.join("MAL-test-cut.json"),
        "{\"id\": \"MAL-test-cut\", \"affected\": [{\"package\": {\"eco",
    )
    .unwrap();
    let head = w.project("advisory-head", &[]);
    let base = w.project("advisory-base", &[]);
    std::fs::write(
        base.join("package-lock.json"),
        "{\"lockfileVersion\":3,\"packages\":{\"\":{}}}",
    )
    .unwrap();
    let db = osv.to_str().unwrap();
    for args in [
        vec!["audit", head.to_str().unwrap()],
        vec![
            "diff",
            "--base-lockfile",
            base.join("package-lock.json").to_str().unwrap(),
            "--head-lockfile",
            head.join("package-lock.json").to_str().unwrap(),
        ],
        vec![
            "check",
            "fixture-plain@1.0.0",
            "--dir",
            head.to_str().unwrap(),
        ],
    ] {
        let out = w
            .cmd()
            .args(&args)
            .args(["-q", "--no-code", "--db", db, "--format", "json"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let ne = report["not_evaluated"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["what"] == "advisories of fixture-plain@1.0.0")
            .unwrap_or_else(|| panic!("{}: {report:#}", args[0]));
        assert_eq!(
            ne["why"],
            "GHSA-test-bad0-rnge: range event version `one.two` is not a version"
        );
        let cut = report["not_evaluated"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| {
                n["what"].as_str().is_some_and(|w| {
                    w.starts_with("advisory record ") && w.ends_with("MAL-test-cut.json")
                })
            })
            .unwrap_or_else(|| panic!("{}: {report:#}", args[0]));
        assert!(
            cut["why"].as_str().unwrap().starts_with("unreadable: "),
            "{cut}"
        );
        assert_eq!(out.status.code(), Some(2), "{}: {report:#}", args[0]);
    }
}

#[test]
fn a_lockfile_cut_down_to_its_root_is_not_clean_in_any_format() {
    let Some(tamper) = diligence_testkit::corpus("tamper") else {
        return;
    };
    let w = world();
    let cut: [(&str, &str, &str); 3] = [
        (
            "base-npm-v3",
            "package-lock.json",
            "{\n  \"name\": \"tamper-tiny\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"tamper-tiny\",\n      \"version\": \"1.0.0\"\n    }\n  }\n}\n",
        ),
        (
            "base-pnpm-v9",
            "pnpm-lock.yaml",
            "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .: {}\n",
        ),
        (
            "base-bun",
            "bun.lock",
            "{\n  \"lockfileVersion\": 1,\n  \"workspaces\": {\n    \"\": {\n      \"name\": \"tamper-tiny\",\n    },\n  },\n  \"packages\": {},\n}\n",
        ),
    ];
    for (base, file, text) in cut {
        let dir = w.tmp.path().join(format!("cut-{base}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            tamper.join(base).join("package.json"),
            dir.join("package.json"),
        )
        .unwrap();
        std::fs::write(dir.join(file), text).unwrap();
        let (code, report, stderr) = w.run(&["audit", dir.to_str().unwrap(), "--no-registry"]);
        let unlocked = findings(&report, "lockfile/unlocked-dependency");
        // debug, is-number, picocolors and the dev dependency @types/debug.
        assert_eq!(unlocked.len(), 4, "{base}: {report:#}{stderr}");
        let not_locked = report["not_evaluated"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["why"].as_str().unwrap().starts_with("not locked"))
            .unwrap_or_else(|| panic!("{base}: {report:#}"));
        assert!(
            not_locked["what"]
                .as_str()
                .unwrap()
                .starts_with("code scan of 4 packages"),
            "{not_locked}"
        );
        assert_eq!(code, 2, "{base}");
    }
}

#[test]
fn every_format_says_what_was_not_evaluated_and_how_much_was_suppressed() {
    let w = world();
    let head = w.project("formats", &["half-there", "linky"]);
    std::fs::write(
        head.join("diligence.toml"),
        "[[ignore]]\nrule = \"code/archive-anomaly\"\npackage = \"linky@1.0.0\"\nreason = \"the link is never followed\"\n",
    )
    .unwrap();
    let dir = head.to_str().unwrap();
    let (code, json, _) = w.run(&["audit", dir]);
    assert_eq!(json["summary"]["suppressed"], 1, "{json:#}");
    assert!(json.get("suppressed").is_none());
    assert_eq!(gaps(&json), ["code scan of half-there@1.0.0"]);
    assert_eq!(code, 2);
    let (_, shown, _) = w.run(&["audit", dir, "--show-suppressed"]);
    assert_eq!(
        shown["suppressed"][0]["finding"]["rule"],
        "code/archive-anomaly"
    );
    assert_eq!(
        shown["suppressed"][0]["reason"],
        "the link is never followed"
    );
    for (format, needles) in [
        (
            "sarif",
            [
                "\"suppressed\": 1",
                "not evaluated: code scan of half-there@1.0.0",
            ],
        ),
        (
            "markdown",
            // `@` is defused in Markdown (no mention): a zero-width space follows it.
            [
                "1 suppressed by policy",
                "code scan of half-there@&#8203;1.0.0",
            ],
        ),
        (
            "human",
            [
                "1 finding suppressed by policy",
                "code scan of half-there@1.0.0",
            ],
        ),
    ] {
        let out = assert_cmd::Command::cargo_bin("diligence")
            .unwrap()
            .env("HOME", w.tmp.path().join("home"))
            .env("DILIGENCE_CACHE_DIR", w.tmp.path().join("cache"))
            .env("npm_config_userconfig", w.tmp.path().join("home/.npmrc"))
            .env("NO_COLOR", "1")
            .args(["audit", dir, "-q", "--no-advisories", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for needle in needles {
            assert!(text.contains(needle), "{format}: {needle}: {text}");
        }
        assert_eq!(out.status.code(), Some(2), "{format}");
    }
}

/// `scan name@tag` and `scan name@range` resolve as npm picks (as `check` does); a range no
/// version matches is not evaluated, with the reason.
#[test]
fn scan_resolves_dist_tags_and_ranges_or_says_why_not() {
    let w = world();
    let dir = w.tmp.path().join("scan-specs");
    std::fs::create_dir_all(&dir).unwrap();
    w.npmrc(&dir);
    let d = dir.to_str().unwrap();
    for spec in ["fixture-plain@latest", "fixture-plain@^1.0.0"] {
        let (code, report, stderr) = w.run(&["scan", spec, "--dir", d]);
        assert_eq!(code, 0, "{spec}: {stderr}");
        assert_eq!(
            report["packages"][0]["package"]["version"], "1.0.0",
            "{spec}"
        );
    }
    let (code, report, _) = w.run(&["scan", "fixture-plain@^2", "--dir", d]);
    assert_eq!(code, 2);
    assert_eq!(
        report["not_evaluated"][0]["why"],
        "no version of fixture-plain matches `^2` in its packument"
    );
}
