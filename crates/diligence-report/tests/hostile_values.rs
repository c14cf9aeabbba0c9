//! Every writer fed the same hostile report: a package name, version, `resolved` URL, OSV
//! summary, code snippet, file path and not-evaluated reason built to inject into a terminal,
//! a GitHub Actions log (workflow commands), a pull-request comment (mentions, links, raw
//! HTML) and an HTML page. Each format must show them as inert text.

use diligence_finding::{Finding, NotEvaluated, Report, Rule, Severity, Target, TargetLockfile};
use serde_json::{Value, json};

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

/// The inputs, as a crafted lockfile, tarball or advisory would carry them.
const NAME: &str =
    "evil\r\n::stop-commands::pwn\x1b]0;title\x07<img src=x onerror=alert(1)>@org/team";
const VERSION: &str = "1.0.0\n::error file=x::forged ##[error]legacy";
const URL: &str =
    "https://evil.example/a.tgz\x1b[2J\x1b[1;1H\x1b[32mALL CLEAN\x1b[0m\r\n::warning::x";
const SUMMARY: &str = "[click](https://evil.example) ![i](https://evil.example/p.png) <script>alert(1)</script> @octocat #1 www.evil.example \u{202e}gnp.exe";
const SNIPPET: &str =
    "`` ```\n</code></pre><iframe src=//evil.example>\n::add-mask::secret\n##[set-output name=x]y";
const FILE: &str = "lib/\n::error::file.js";

fn report() -> Report {
    let findings = vec![
        Finding::new(&VULN, format!("{NAME}@{VERSION} is vulnerable (GHSA-xvch-5gv4-984h): {SUMMARY}; fixed in 1.2.6"))
            .package(NAME, VERSION)
            .at("package-lock.json", 12)
            .evidence(json!({
                "ids": ["GHSA-xvch-5gv4-984h", "x\" onmouseover=\"alert(1)"],
                "summary": SUMMARY,
                "url": "javascript:alert(1)",
                "path": {"importer": ".", "packages": [format!("{NAME}@{VERSION}")]},
                "fix": {"kind": "upgrade", "summary": format!("upgrade {NAME} → {VERSION}"), "command": SNIPPET},
            })),
        Finding::new(&HOST, format!("resolved host is not allowed: {URL}"))
            .package(NAME, VERSION)
            .at(FILE, 3)
            .evidence(json!({"resolved": URL, "snippet": SNIPPET})),
    ];
    Report::new(
        Target {
            path: format!("proj\n::error::{NAME}"),
            lockfile: Some(TargetLockfile {
                path: format!("proj/{FILE}"),
                format: "npm".into(),
                version: VERSION.into(),
            }),
        },
        2,
        findings,
        vec![NotEvaluated {
            what: format!("registry cross-check of {NAME}@{VERSION}"),
            why: SUMMARY.into(),
        }],
    )
}

/// No line of `text`, as a GitHub Actions runner reads it, is a workflow command of ours
/// unless `allowed` says so, and no legacy `##[` command appears anywhere.
fn assert_no_workflow_command(format: &str, text: &str, allowed: &dyn Fn(&str) -> bool) {
    for line in text.split(['\n', '\r']) {
        let t = line.trim_start();
        assert!(
            !t.starts_with("::") || allowed(t),
            "{format}: a line starts a workflow command: {line:?}"
        );
    }
    assert!(
        !text.contains("##["),
        "{format}: legacy workflow command in {text:?}"
    );
}

/// Only SGR colour sequences (`ESC [ digits ; m`) of the writer itself; no other escape, no
/// BEL, no CR, no bidi override.
fn assert_terminal_safe(format: &str, text: &str) {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0x1b {
            let rest = &text[i + 1..];
            let sgr = rest.starts_with('[')
                && rest[1..]
                    .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .is_some_and(|end| rest.as_bytes()[1..][end] == b'm');
            assert!(
                sgr,
                "{format}: raw escape sequence at {i}: {:?}",
                &text[i..i + 12.min(text.len() - i)]
            );
        }
    }
    assert!(
        !text.contains(['\x07', '\r', '\u{202e}']),
        "{format}: control character in {text:?}"
    );
}

fn render(format: &str) -> String {
    let report = report();
    let mut out = Vec::new();
    match format {
        "human" => diligence_report::human::write(&report, Severity::High, &mut out).unwrap(),
        "json" => diligence_report::json::write(&report, &mut out).unwrap(),
        "sarif" => diligence_report::sarif::write(&report, &[&VULN, &HOST], &mut out).unwrap(),
        "markdown" => diligence_report::markdown::write(&report, Severity::High, &mut out).unwrap(),
        "html" => diligence_report::html::write(&report, Severity::High, &mut out).unwrap(),
        "github" => diligence_report::github::write(&report, Severity::High, &mut out).unwrap(),
        _ => unreachable!(),
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn human_output_is_terminal_and_log_safe() {
    let text = render("human");
    assert_terminal_safe("human", &text);
    assert_no_workflow_command("human", &text, &|_| false);
    // The values are still there, visibly escaped.
    assert!(
        text.contains("evil\\u{d}\\u{a}:\\u{3a}stop-commands"),
        "{text}"
    );
    assert!(text.contains("\\u{1b}[2J"), "{text}");
    // Every line is one of ours: the header, a package line, an indented detail, the summary.
    let plain = strip_sgr(&text);
    assert_eq!(
        plain.lines().filter(|l| l.starts_with("proj")).count(),
        1,
        "{plain}"
    );
    assert!(
        plain
            .lines()
            .next()
            .unwrap()
            .starts_with("proj\\u{a}:\\u{3a}error:\\u{3a}evil"),
        "{plain}"
    );
}

/// `text` without the writer's SGR colour sequences (`ESC [ digits ; m`).
fn strip_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let end = tail.find('m').map_or(tail.len(), |e| e + 1);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn github_annotations_cannot_be_split_or_silenced() {
    let text = render("github");
    assert_terminal_safe("github", &text);
    let lines: Vec<&str> = text.lines().collect();
    // Two findings, one not-evaluated record, one summary: nothing else became a line.
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("::error file=lib/%0A%3A%3Aerror%3A%3Afile.js,line=3,title=")
            || lines[0].starts_with("::error file=package-lock.json"),
        "{}",
        lines[0]
    );
    assert_no_workflow_command("github", &text, &|l| {
        l.starts_with("::error file=") || l.starts_with("::error title=not evaluated::")
    });
    for line in &lines[..3] {
        let data = &line[line.find("::").unwrap() + 2..];
        let data = &data[data.find("::").unwrap() + 2..];
        assert!(!data.contains("::"), "data carries a command: {data}");
    }
}

#[test]
fn json_and_sarif_round_trip_and_carry_no_command() {
    for format in ["json", "sarif"] {
        let text = render(format);
        assert_no_workflow_command(format, &text, &|_| false);
        assert!(
            !text.contains(['\x1b', '\x07', '\r']),
            "{format}: raw control character"
        );
        let doc: Value = serde_json::from_str(&text).unwrap();
        // Values decode to exactly what went in.
        let found = if format == "json" {
            doc["findings"][0]["package"]["name"].clone()
        } else {
            doc["runs"][0]["results"][0]["properties"]["package"]["name"].clone()
        };
        assert_eq!(found, NAME, "{format}");
    }
}

#[test]
fn markdown_defuses_html_mentions_links_and_commands() {
    let md = render("markdown");
    assert_terminal_safe("markdown", &md);
    assert_no_workflow_command("markdown", &md, &|_| false);
    // Outside code spans (which GitHub shows literally: no HTML, link or mention inside),
    // no raw HTML, link or image survives.
    let prose = outside_code(&md);
    for raw in [
        "<img",
        "<script",
        "<iframe",
        "](https://evil",
        "![i]",
        "javascript:",
    ] {
        assert!(!prose.contains(raw), "markdown: {raw} in\n{prose}");
    }
    // No mention, autolink or issue reference survives outside code (where GitHub links
    // none): each is broken by a zero-width space.
    for (i, _) in prose.match_indices('@') {
        let after = &prose[i + 1..];
        assert!(
            after.starts_with("&#8203;") || !after.starts_with(|c: char| c.is_ascii_alphanumeric()),
            "live mention: {:?}",
            &prose[i.saturating_sub(20)..(i + 20).min(prose.len())]
        );
    }
    assert!(
        !prose.contains("https://evil") && !prose.contains("www.evil"),
        "{prose}"
    );
    // The only links are the advisory pages built from validated ids.
    // (An escaped `\]` closes no link text.)
    let links: Vec<&str> = prose
        .match_indices("](")
        .filter(|(i, _)| !prose[..*i].ends_with('\\'))
        .map(|(i, _)| &prose[i + 2..(i + 60).min(prose.len())])
        .collect();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://github.com/advisories/GHSA-")
                || l.starts_with("https://osv.dev/vulnerability/GHSA-")),
        "{links:?}"
    );
    assert!(!md.contains("onmouseover"), "an invalid id became a link");
}

/// `md` without its code spans (CommonMark: a run of N backticks up to the next run of
/// exactly N; a backslash-escaped backtick opens nothing) and `<code>…</code>` elements.
fn outside_code(md: &str) -> String {
    let b = md.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            out.push_str(&md[i..i + 2]);
            i += 2;
            continue;
        }
        if md[i..].starts_with("<code>") {
            match md[i..].find("</code>") {
                Some(end) => {
                    i += end + "</code>".len();
                    continue;
                }
                None => break,
            }
        }
        if b[i] == b'`' {
            let n = b[i..].iter().take_while(|&&c| c == b'`').count();
            let mut j = i + n;
            let mut closed = None;
            while j < b.len() {
                if b[j] == b'`' {
                    let m = b[j..].iter().take_while(|&&c| c == b'`').count();
                    if m == n {
                        closed = Some(j + m);
                        break;
                    }
                    j += m;
                } else {
                    j += 1;
                }
            }
            match closed {
                Some(end) => i = end,
                None => {
                    out.push_str(&md[i..i + n]);
                    i += n;
                }
            }
            continue;
        }
        let c = md[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[test]
fn html_keeps_every_value_as_text() {
    let page = render("html");
    assert_terminal_safe("html", &page);
    assert_no_workflow_command("html", &page, &|_| false);
    for raw in [
        "<img",
        "<iframe",
        "javascript:",
        "onmouseover",
        "<a href=\"https://evil",
    ] {
        assert!(!page.contains(raw), "html: {raw}");
    }
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
}
