//! Fix guidance end to end: `audit` against a fixture registry on 127.0.0.1 with one OSV
//! record (minimist < 1.2.6, GHSA-xvch-5gv4-984h). The project locks mkdirp 0.5.5, which pins
//! minimist 1.2.5; mkdirp 0.5.6 asks for `^1.2.6`. The advisory finding carries the smallest
//! upgrade of the direct dependency (`npm install mkdirp@^0.5.6`), and the human, Markdown,
//! HTML and GitHub outputs show it with links to the GHSA page and osv.dev.

mod support {
    pub mod fixture_registry;
}

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::Path;
use support::fixture_registry::{FixtureRegistry, FixtureVersion};

const GHSA: &str = "GHSA-xvch-5gv4-984h";

fn registry() -> FixtureRegistry {
    let v = FixtureVersion::new;
    FixtureRegistry::start(
        &[
            v("minimist", "1.2.5", &[]),
            v("minimist", "1.2.6", &[]),
            v("mkdirp", "0.5.5", &[("minimist", "1.2.5")]),
            v("mkdirp", "0.5.6", &[("minimist", "^1.2.6")]),
        ],
        &[],
    )
}

fn project(dir: &Path, reg: &FixtureRegistry) {
    let url = reg.url.trim_end_matches('/');
    let lock = json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {"mkdirp": "^0.5.5"}},
            "node_modules/mkdirp": {
                "version": "0.5.5",
                "resolved": format!("{url}/mkdirp/-/mkdirp-0.5.5.tgz"),
                "dependencies": {"minimist": "1.2.5"},
            },
            "node_modules/minimist": {
                "version": "1.2.5",
                "resolved": format!("{url}/minimist/-/minimist-1.2.5.tgz"),
            },
        },
    });
    std::fs::write(
        dir.join("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("package.json"),
        json!({"name": "app", "version": "1.0.0", "dependencies": {"mkdirp": "^0.5.5"}})
            .to_string(),
    )
    .unwrap();
    std::fs::write(dir.join(".npmrc"), format!("registry={}\n", reg.url)).unwrap();
    let osv = json!({
        "schema_version": "1.6.0",
        "id": GHSA,
        "modified": "2024-01-01T00:00:00Z",
        "published": "2022-03-18T00:00:00Z",
        "aliases": ["CVE-2021-44906"],
        "summary": "Prototype Pollution in minimist",
        "database_specific": {"severity": "CRITICAL"},
        "affected": [{
            "package": {"ecosystem": "npm", "name": "minimist"},
            "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.6"}]}],
        }],
    });
    std::fs::write(dir.join("osv.json"), osv.to_string()).unwrap();
}

fn audit(dir: &Path, format: &str) -> (i32, String) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .current_dir(dir)
        .args([
            "audit",
            ".",
            "--no-code",
            "--db",
            "osv.json",
            "--format",
            format,
        ])
        .env("DILIGENCE_CACHE_DIR", dir.join(".cache-test"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn advisory_findings_carry_the_smallest_upgrade_and_links() {
    let reg = registry();
    let tmp = tempfile::tempdir().unwrap();
    project(tmp.path(), &reg);

    let (code, text) = audit(tmp.path(), "json");
    assert_eq!(code, 1, "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "advisory/vulnerability")
        .unwrap_or_else(|| panic!("no advisory finding: {report}"));
    assert_eq!(
        finding["evidence"]["fix"],
        json!({
            "kind": "upgrade",
            "package": "mkdirp",
            "from": "0.5.5",
            "to": "0.5.6",
            "summary": "upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.6",
            "command": "npm install mkdirp@^0.5.6",
        })
    );

    let (_, human) = audit(tmp.path(), "human");
    assert!(
        human.contains("fix: upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.6"),
        "{human}"
    );
    assert!(human.contains("run: npm install mkdirp@^0.5.6"), "{human}");
    assert!(
        human.contains(&format!("https://github.com/advisories/{GHSA}")),
        "{human}"
    );
    assert!(
        human.contains(&format!("https://osv.dev/vulnerability/{GHSA}")),
        "{human}"
    );

    let (_, md) = audit(tmp.path(), "markdown");
    assert!(md.contains("**Fix:** upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.6 — run `npm install mkdirp@^0.5.6`"), "{md}");
    assert!(
        md.contains(&format!("[{GHSA}](https://github.com/advisories/{GHSA})")),
        "{md}"
    );

    let (_, html) = audit(tmp.path(), "html");
    assert!(
        html.contains("<code class=\"command\">npm install mkdirp@^0.5.6</code>"),
        "{html}"
    );
    assert!(html.contains(&format!("href=\"https://osv.dev/vulnerability/{GHSA}\"")));

    let (_, gh) = audit(tmp.path(), "github");
    let line = gh
        .lines()
        .find(|l| l.contains("advisory/vulnerability"))
        .unwrap_or_else(|| panic!("{gh}"));
    assert!(
        line.starts_with("::error file=package-lock.json,line="),
        "{line}"
    );
    assert!(
        line.contains("%0Afix: upgrade mkdirp 0.5.5 → 0.5.6"),
        "{line}"
    );
}
