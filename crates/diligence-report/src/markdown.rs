//! `--format markdown`: the report as a pull-request comment (GitHub-flavoured Markdown).
//!
//! Layout: a one-line verdict; a table with one row per package (change, worst severity,
//! finding count, rules); one collapsible `<details>` block per package listing its findings
//! with `file:line`, the fix guidance, advisory links (GitHub and osv.dev) and the evidence as
//! `key: value` items; then what was not evaluated.
//!
//! Every value that comes from a lockfile, manifest, tarball or advisory goes through
//! [`crate::escape::markdown_text`] or [`crate::escape::markdown_code`] (inside HTML:
//! [`crate::escape::html_text`]):
//! no raw HTML such as `<img>`, no `@mention`, no autolink or Markdown link, no workflow
//! command reaches the comment.
//!
//! GitHub rejects comments over 65,536 characters ([`GITHUB_COMMENT_LIMIT`]). The writer keeps
//! the whole comment under that limit: packages are emitted most-severe first while they fit,
//! long evidence is cut per finding, and the rest is replaced by one line that says how many
//! packages and findings were elided.

use crate::escape::{html_text, markdown_code as code, markdown_text as text};
use crate::present::{self, Group};
use diligence_finding::{Finding, Report, Severity};
use std::fmt::Write as _;
use std::io::{self, Write};

/// GitHub's maximum issue/PR comment body, in characters.
pub const GITHUB_COMMENT_LIMIT: usize = 65_536;

/// Room kept for the elision note and the footer (bytes).
const RESERVE: usize = 4_096;
/// Most evidence items shown per finding.
const EVIDENCE_ITEMS_MAX: usize = 12;
/// Most not-evaluated records listed by name.
const NOT_EVALUATED_MAX: usize = 20;

/// Writes the comment for `report`, at most [`GITHUB_COMMENT_LIMIT`] characters. `fail_on` is
/// the threshold the verdict is computed against. Errors: I/O errors of `out`.
pub fn write(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report, fail_on, GITHUB_COMMENT_LIMIT).as_bytes())
}

/// Renders the comment with a size limit in characters (`limit` ≥ 8 KiB is sensible; the
/// result's length in bytes, hence in characters, stays below it).
pub fn render(report: &Report, fail_on: Severity, limit: usize) -> String {
    // The not-evaluated list is always shown: it is written first and counted out of the
    // budget for the packages.
    let mut not_evaluated = String::new();
    write_not_evaluated(report, &mut not_evaluated);
    let mut suppressed_list = String::new();
    write_suppressed(report, &mut suppressed_list);
    let budget = limit.saturating_sub(RESERVE + not_evaluated.len() + suppressed_list.len());
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", verdict_line(report, fail_on));
    let groups = present::group_by_package(&report.findings);
    let mut table = String::new();
    let mut details = String::new();
    let mut shown = 0;
    for group in &groups {
        let row = table_row(group);
        let block = details_block(group);
        if out.len() + table.len() + details.len() + row.len() + block.len() + 200 > budget {
            break;
        }
        table.push_str(&row);
        details.push_str(&block);
        shown += 1;
    }
    if !groups.is_empty() {
        out.push_str("| Package | Change | Worst | Findings | Rules |\n");
        out.push_str("|---|---|---|---:|---|\n");
        out.push_str(&table);
        out.push('\n');
        out.push_str(&details);
    }
    if shown < groups.len() {
        let elided = &groups[shown..];
        let findings: usize = elided.iter().map(|g| g.findings.len()).sum();
        let _ = writeln!(
            out,
            "> **{} of {} packages elided** ({findings} findings) to stay under GitHub's \
             65,536-character comment limit; the JSON or SARIF report has all of them.\n",
            elided.len(),
            groups.len()
        );
    }
    out.push_str(&not_evaluated);
    out.push_str(&suppressed_list);
    let suppressed = match report.summary.suppressed {
        0 => String::new(),
        n => format!(" · {n} suppressed by policy"),
    };
    let _ = writeln!(
        out,
        "<sub>{} {} · {} packages · fail-on {fail_on}{suppressed}</sub>",
        report.tool.name, report.tool.version, report.summary.packages
    );
    out
}

fn verdict_line(report: &Report, fail_on: Severity) -> String {
    let failing = report
        .findings
        .iter()
        .filter(|f| f.severity >= fail_on)
        .count();
    let c = &report.summary.findings;
    let counts: Vec<String> = [
        (c.critical, "critical"),
        (c.high, "high"),
        (c.medium, "medium"),
        (c.low, "low"),
        (c.info, "info"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {s}"))
    .collect();
    let counts = if counts.is_empty() {
        "no findings".to_string()
    } else {
        counts.join(", ")
    };
    match report.exit_code(fail_on) {
        0 => format!("**diligence: ✅ passed** at fail-on {fail_on} — {counts}"),
        1 => format!(
            "**diligence: ❌ {failing} finding{} at or above {fail_on}** — {counts}{}",
            if failing == 1 { "" } else { "s" },
            if report.not_evaluated.is_empty() {
                ""
            } else {
                "; some checks could not run"
            }
        ),
        _ => format!(
            "**diligence: ⚠️ not evaluated** — {} check{} could not run; {counts}",
            report.not_evaluated.len(),
            if report.not_evaluated.len() == 1 {
                ""
            } else {
                "s"
            }
        ),
    }
}

/// The `change` evidence of the package's `diff/…` finding, e.g. `1.0.0 → 1.1.0`.
fn change_of(findings: &[&Finding]) -> String {
    findings
        .iter()
        .filter(|f| f.rule.starts_with("diff/"))
        .find_map(|f| f.evidence.get("change").and_then(|c| c.as_str()))
        .unwrap_or("")
        .to_string()
}

fn table_row(group: &Group<'_>) -> String {
    let mut rules: Vec<&str> = group.findings.iter().map(|f| f.rule.as_str()).collect();
    rules.dedup();
    let rules: Vec<String> = rules.iter().take(6).map(|r| code(r)).collect();
    format!(
        "| {} | {} | {} | {} | {} |\n",
        code(&present::cut(&group.label(), 200)),
        text(&present::cut(&change_of(&group.findings), 200)),
        group.worst(),
        group.findings.len(),
        rules.join(" ")
    )
}

fn details_block(group: &Group<'_>) -> String {
    let mut s = String::new();
    let n = group.findings.len();
    let _ = writeln!(
        s,
        "<details><summary><code>{}</code> — {n} finding{}</summary>\n",
        html_text(&present::cut(&group.label(), 200)),
        if n == 1 { "" } else { "s" }
    );
    for f in &group.findings {
        write_finding(&mut s, f);
    }
    s.push_str("\n</details>\n\n");
    s
}

/// One finding as a list item, with sub-items for the fix, the links and the evidence.
fn write_finding(s: &mut String, f: &Finding) {
    let at = match &f.location {
        Some(l) if l.line > 0 => format!(" — {}", code(&format!("{}:{}", l.file, l.line))),
        Some(l) => format!(" — {}", code(&l.file)),
        None => String::new(),
    };
    let _ = writeln!(
        s,
        "- **{}** {} {}{at}",
        f.severity.as_str().to_uppercase(),
        code(&f.rule),
        text(&one_line(&f.message))
    );
    if let Some(fix) = present::fix_of(f) {
        let _ = write!(s, "  - **Fix:** {}", text(&fix.summary));
        if !fix.command.is_empty() {
            let _ = write!(s, " — run {}", code(&fix.command));
        }
        s.push('\n');
        if let Some((file, entry)) = &fix.manifest {
            let _ = writeln!(s, "  - add to {}: {}", code(file), code(entry));
        }
    }
    let links = present::advisory_links(f);
    if !links.is_empty() {
        // Labels and URLs are built from validated advisory ids only (see `advisory_links`).
        let md: Vec<String> = links
            .iter()
            .map(|l| format!("[{}]({})", l.label, l.url))
            .collect();
        let _ = writeln!(s, "  - Advisory: {}", md.join(" · "));
    }
    if let Some(path) = present::path_of(f).filter(|p| !f.message.contains(p.as_str())) {
        let _ = writeln!(s, "  - via {}", code(&path));
    }
    for (key, value) in present::evidence_items(f)
        .into_iter()
        .take(EVIDENCE_ITEMS_MAX)
    {
        let _ = writeln!(s, "  - {}: {}", text(&key), code(&value));
    }
}

/// Longest not-evaluated section (bytes): lines past it are counted, not listed.
const NOT_EVALUATED_BYTES: usize = 12_000;

fn write_not_evaluated(report: &Report, out: &mut String) {
    if report.not_evaluated.is_empty() {
        return;
    }
    let start = out.len();
    let _ = writeln!(out, "**Not evaluated** (the result is incomplete):\n");
    let mut listed = 0;
    for ne in report.not_evaluated.iter().take(NOT_EVALUATED_MAX) {
        let line = format!(
            "- {}: {}\n",
            text(&present::cut(&ne.what, 200)),
            text(&present::cut(&ne.why, 300))
        );
        if out.len() - start + line.len() > NOT_EVALUATED_BYTES {
            break;
        }
        out.push_str(&line);
        listed += 1;
    }
    if report.not_evaluated.len() > listed {
        let _ = writeln!(out, "- … and {} more", report.not_evaluated.len() - listed);
    }
    out.push('\n');
}

/// The suppressed findings when the report lists them (`--show-suppressed`), at most
/// [`NOT_EVALUATED_MAX`] by name, each value escaped as everywhere else.
fn write_suppressed(report: &Report, out: &mut String) {
    if report.suppressed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "**Suppressed by policy** ({}):\n",
        report.summary.suppressed
    );
    for s in report.suppressed.iter().take(NOT_EVALUATED_MAX) {
        let f = &s.finding;
        let _ = writeln!(
            out,
            "- {} {} — {} ({})",
            code(&f.rule),
            text(&one_line(&f.message)),
            text(&present::cut(&s.reason, 200)),
            text(&present::cut(&s.by, 100))
        );
    }
    out.push('\n');
}

/// At most 500 characters (the escapes then keep it on one line).
fn one_line(s: &str) -> String {
    present::cut(s, 500)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{NotEvaluated, Rule, Target};
    use serde_json::json;

    static CHANGED: Rule = Rule {
        id: "diff/version-changed",
        default_severity: Severity::Info,
        summary: "s",
        doc: "d",
    };
    static EXFIL: Rule = Rule {
        id: "code/env-exfiltration",
        default_severity: Severity::Critical,
        summary: "s",
        doc: "d",
    };

    fn target() -> Target {
        Target {
            path: "demo".into(),
            lockfile: None,
        }
    }

    #[test]
    fn verdict_table_and_details() {
        let findings = vec![
            Finding::new(&CHANGED, "ms changed 2.1.2 → 2.1.3")
                .package("ms", "2.1.3")
                .at("package-lock.json", 60)
                .evidence(json!({"change": "2.1.2 → 2.1.3"})),
            Finding::new(&EXFIL, "reads ~/.npmrc and posts it")
                .package("ms", "2.1.3")
                .at("install.js", 3),
        ];
        let report = Report::new(target(), 4, findings, vec![]);
        let md = render(&report, Severity::High, GITHUB_COMMENT_LIMIT);
        assert!(
            md.starts_with("**diligence: ❌ 1 finding at or above high** — 1 critical, 1 info\n")
        );
        assert!(md.contains("| `ms@2.1.3` | 2.1.2 → 2.1.3 | critical | 2 | `code/env-exfiltration` `diff/version-changed` |"));
        assert!(md.contains("<details><summary><code>ms@2.1.3</code> — 2 findings</summary>"));
        assert!(md.contains(
            "- **CRITICAL** `code/env-exfiltration` reads \\~/.npmrc and posts it — `install.js:3`"
        ));
        assert!(!md.contains("elided"));
    }

    #[test]
    fn two_hundred_changed_packages_stay_under_the_limit() {
        let mut findings = Vec::new();
        for i in 0..200 {
            let name = format!("package-number-{i:03}");
            findings.push(
                Finding::new(&CHANGED, format!("{name} changed 1.0.0 → 2.0.0"))
                    .package(&name, "2.0.0")
                    .at("package-lock.json", 100 + i)
                    .evidence(json!({"change": "1.0.0 → 2.0.0", "path": ["root", "a", "b", name]})),
            );
            for j in 0..3 {
                findings.push(
                    Finding::new(
                        &EXFIL,
                        format!("finding {j} in {name}: {}", "x".repeat(120)),
                    )
                    .package(&name, "2.0.0")
                    .at(format!("lib/file{j}.js"), 10 + j)
                    .evidence(json!({"snippet": "y".repeat(400)})),
                );
            }
        }
        let report = Report::new(
            target(),
            200,
            findings,
            vec![NotEvaluated {
                what: "advisories".into(),
                why: "no database".into(),
            }],
        );
        let md = render(&report, Severity::High, GITHUB_COMMENT_LIMIT);
        assert!(
            md.chars().count() < GITHUB_COMMENT_LIMIT,
            "{} chars",
            md.chars().count()
        );
        let shown = md.matches("<details>").count();
        assert!(shown > 10 && shown < 200, "{shown} packages shown");
        let elided = 200 - shown;
        let note = format!(
            "**{elided} of 200 packages elided** ({} findings)",
            elided * 4
        );
        assert!(md.contains(&note), "missing `{note}`");
        assert!(md.contains("**Not evaluated**"));
        // Findings at the threshold decide the verdict; the gaps are still said.
        assert!(md.starts_with("**diligence: ❌"), "{}", &md[..80]);
        assert!(
            md.lines()
                .next()
                .unwrap()
                .ends_with("some checks could not run")
        );
    }

    #[test]
    fn clean_report_passes() {
        let report = Report::new(target(), 4, vec![], vec![]);
        let md = render(&report, Severity::High, GITHUB_COMMENT_LIMIT);
        assert!(md.starts_with("**diligence: ✅ passed** at fail-on high — no findings"));
        assert!(!md.contains("| Package |"));
    }

    #[test]
    fn cells_are_escaped() {
        let f = Finding::new(&CHANGED, "x")
            .package("a|b\nc", "1.0.0")
            .evidence(json!({"change": "1|2"}));
        let row = table_row(&present::group_by_package(std::slice::from_ref(&f))[0]);
        assert_eq!(
            row,
            "| `a\\|b c@1.0.0` | 1\\|2 | info | 1 | `diff/version-changed` |\n"
        );
    }
}
