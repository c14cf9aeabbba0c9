//! The HTML report rendered in a real browser: headless Chromium (Debian's `chromium`) loads
//! the page from a file, runs its script under the page's own Content-Security-Policy, and
//! the test asserts on the DOM Chromium dumps after load and on a screenshot.
//!
//! - the script ran (the CSP hash matches): `data-ready`, the "showing N of N" line;
//! - the findings are grouped by severity and package, with fix guidance and advisory links;
//! - a hostile package name, version, URL, OSV summary and snippet stay text: no element, no
//!   script, no changed title;
//! - the filters work: `#sev=critical` in the URL shows only the critical finding;
//! - the screenshot is a PNG of a real page (kept at `$DILIGENCE_SCREENSHOT`, else in the
//!   target folder).
//!
//! Skips with one line where Chromium is absent; `DILIGENCE_REQUIRE_TOOLS=1` (CI) fails.

use diligence_finding::{Finding, NotEvaluated, Report, Rule, Severity, Target, TargetLockfile};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

static VULN: Rule = Rule {
    id: "advisory/vulnerability",
    default_severity: Severity::High,
    summary: "s",
    doc: "d",
};
static HOST: Rule = Rule {
    id: "lockfile/resolved-host",
    default_severity: Severity::High,
    summary: "s",
    doc: "d",
};
static EXFIL: Rule = Rule {
    id: "code/env-exfiltration",
    default_severity: Severity::Critical,
    summary: "s",
    doc: "d",
};

const HOSTILE_NAME: &str = "<img src=x onerror=\"document.title='pwned'\">";
const HOSTILE_VERSION: &str = "1.0.0\"><script>document.title='pwned'</script>";
const HOSTILE_URL: &str = "javascript:document.title='pwned'//\n::error::forged";
const HOSTILE_SUMMARY: &str = "<a href=\"https://evil.example\">@org/team click</a>";
const HOSTILE_SNIPPET: &str = "</code></pre><iframe src=\"https://evil.example\"></iframe>";

fn report() -> Report {
    let findings = vec![
        Finding::new(
            &VULN,
            format!("minimist@1.2.5 is vulnerable (GHSA-xvch-5gv4-984h): {HOSTILE_SUMMARY}; fixed in 1.2.6; via app@1.0.0 > mkdirp@0.5.5 > minimist@1.2.5"),
        )
        .severity(Severity::High)
        .package("minimist", "1.2.5")
        .at("package-lock.json", 120)
        .evidence(json!({
            "ids": ["GHSA-xvch-5gv4-984h", "CVE-2021-44906"],
            "summary": HOSTILE_SUMMARY,
            "fixed": "1.2.6",
            "path": {"importer": ".", "packages": ["mkdirp@0.5.5", "minimist@1.2.5"]},
            "fix": {
                "kind": "upgrade", "package": "mkdirp", "from": "0.5.5", "to": "0.5.6",
                "summary": "upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.8",
                "command": "npm install mkdirp@^0.5.6",
            },
        })),
        Finding::new(&HOST, format!("resolved host is not allowed: {HOSTILE_URL}"))
            .package(HOSTILE_NAME, HOSTILE_VERSION)
            .at("package-lock.json", 60)
            .evidence(json!({"resolved": HOSTILE_URL})),
        Finding::new(&EXFIL, "reads ~/.npmrc and posts it to a remote host")
            .package("evil-pkg", "6.6.6")
            .at("evil-pkg@6.6.6/install.js", 3)
            .evidence(json!({"snippet": HOSTILE_SNIPPET})),
    ];
    Report::new(
        Target {
            path: "demo".into(),
            lockfile: Some(TargetLockfile {
                path: "demo/package-lock.json".into(),
                format: "npm".into(),
                version: "3".into(),
            }),
        },
        42,
        findings,
        vec![NotEvaluated {
            what: "registry cross-check of left-pad@1.3.0".into(),
            why: format!("offline: {HOSTILE_NAME}"),
        }],
    )
}

/// Runs headless Chromium with the flags that work on these machines, a fresh profile and
/// `extra` arguments; returns stdout. Panics with stderr when it fails.
fn chromium(bin: &Path, profile: &Path, extra: &[String]) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn file_url(path: &Path, fragment: &str) -> String {
    format!("file://{}{fragment}", path.display())
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let bin = diligence_testkit::tool_or_skip!(
        "html_report_renders_in_headless_chromium",
        "chromium",
        "chromium-browser"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("report.html");
    let mut html = Vec::new();
    diligence_report::html::write(&report(), Severity::High, &mut html).expect("render");
    std::fs::write(&page, &html).expect("write page");

    let profile = dir.path().join("profile");
    let dom = chromium(&bin, &profile, &["--dump-dom".into(), file_url(&page, "")]);
    // The script ran under the CSP: the page marks itself ready and counts the findings.
    assert!(
        dom.contains("data-ready=\"true\""),
        "script did not run:\n{dom}"
    );
    assert!(dom.contains("showing 3 of 3 findings"), "{dom}");
    assert!(
        dom.contains("<title>diligence report: demo</title>"),
        "title changed"
    );
    // Grouped by severity, then package; fix guidance and advisory links are there.
    let critical = dom
        .find("class=\"severity\" data-sev=\"critical\"")
        .expect("critical section");
    let high = dom
        .find("class=\"severity\" data-sev=\"high\"")
        .expect("high section");
    assert!(critical < high);
    assert!(dom.contains("<code class=\"package-name\">evil-pkg@6.6.6</code>"));
    assert!(dom.contains("upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.8"));
    assert!(dom.contains("<code class=\"command\">npm install mkdirp@^0.5.6</code>"));
    assert!(dom.contains("href=\"https://github.com/advisories/GHSA-xvch-5gv4-984h\""));
    assert!(dom.contains("href=\"https://osv.dev/vulnerability/GHSA-xvch-5gv4-984h\""));
    assert!(dom.contains("id=\"not-evaluated\""));
    // Hostile values stayed text: no element they name exists in the DOM.
    for tag in [
        "<img",
        "<iframe",
        "<a href=\"https://evil",
        "<a href=\"javascript",
    ] {
        assert!(!dom.contains(tag), "{tag} in the DOM:\n{dom}");
    }
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(
        dom.contains("&lt;img src=x onerror="),
        "the name is shown as text"
    );

    // The severity filter, driven through the URL fragment.
    let filtered = chromium(
        &bin,
        &profile,
        &["--dump-dom".into(), file_url(&page, "#sev=critical")],
    );
    assert!(filtered.contains("showing 1 of 3 findings"), "{filtered}");
    let text_filtered = chromium(
        &bin,
        &profile,
        &[
            "--dump-dom".into(),
            file_url(&page, "#sev=critical,high&q=minimist"),
        ],
    );
    assert!(
        text_filtered.contains("showing 1 of 3 findings"),
        "{text_filtered}"
    );

    // A screenshot of the page.
    let shot = std::env::var_os("DILIGENCE_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/diligence-report-html.png")
        });
    let _ = std::fs::remove_file(&shot);
    chromium(
        &bin,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400".into(),
            file_url(&page, ""),
        ],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert!(png.len() > 20_000, "{} bytes: an empty page?", png.len());
}
