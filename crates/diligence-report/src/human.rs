//! The terminal report: findings grouped by package (most severe group first), each with its
//! rule id, message and `file:line`; then what was not evaluated; then a one-line summary.
//!
//! Colour is applied through ANSI styles; callers pass an `anstream` stream, which strips them
//! when stdout is not a terminal or `NO_COLOR` is set.

use crate::present;
use anstyle::{AnsiColor, Color, Style};
use diligence_finding::{Finding, Report, Severity};
use std::io::{self, Write};

fn style(sev: Severity) -> Style {
    let color = match sev {
        Severity::Critical => AnsiColor::BrightRed,
        Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Cyan,
        Severity::Info => AnsiColor::BrightBlack,
    };
    let s = Style::new().fg_color(Some(Color::Ansi(color)));
    if sev >= Severity::High { s.bold() } else { s }
}

pub use crate::escape::terminal_safe;
use terminal_safe as safe;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const FIX: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Green)))
    .bold();

/// Writes the human report. `fail_on` is shown in the summary line.
pub fn write(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    let target = &report.target;
    match &target.lockfile {
        Some(l) => writeln!(
            out,
            "{BOLD}{}{BOLD:#}  {DIM}{} ({} lockfile v{}), {} packages{DIM:#}",
            safe(&target.path),
            safe(&l.path),
            safe(&l.format),
            safe(&l.version),
            report.summary.packages
        )?,
        None => writeln!(out, "{BOLD}{}{BOLD:#}", safe(&target.path))?,
    }
    writeln!(out)?;
    write_groups(&report.findings, out)?;
    if !report.not_evaluated.is_empty() {
        let s = style(Severity::High);
        writeln!(out, "{s}Not evaluated{s:#} (the result is incomplete):")?;
        for ne in &report.not_evaluated {
            writeln!(out, "  - {}: {}", safe(&ne.what), safe(&ne.why))?;
        }
        // Only packument-metadata rules could not run (a mirror that strips `time`,
        // maintainers or `_npmUser`): say how to run without them.
        if report
            .not_evaluated
            .iter()
            .all(|ne| ne.rule().is_some_and(|r| r.starts_with("metadata/")))
        {
            writeln!(
                out,
                "{DIM}  (only packument metadata rules are missing: the registry serves no data for \
                 them; --no-metadata runs without them){DIM:#}"
            )?;
        }
        writeln!(out)?;
    }
    if report.summary.suppressed > 0 {
        write_suppressed(report, out)?;
    }
    write_summary(report, fail_on, out)
}

/// The count of findings policy waivers hid, and the findings themselves when the report
/// lists them (`--show-suppressed`).
fn write_suppressed(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let n = report.summary.suppressed;
    let hint = if report.suppressed.is_empty() {
        " (--show-suppressed lists them)"
    } else {
        ":"
    };
    writeln!(
        out,
        "{DIM}{n} finding{} suppressed by policy{hint}{DIM:#}",
        if n == 1 { "" } else { "s" }
    )?;
    for s in &report.suppressed {
        let f = &s.finding;
        // Messages usually start with the package already (`lodash@4.17.20 is vulnerable`).
        let pkg = f
            .package
            .as_ref()
            .map(|p| format!("{}@{}", p.name, p.version))
            .filter(|id| !f.message.starts_with(&format!("{id} ")))
            .map(|id| format!("{id} "))
            .unwrap_or_default();
        writeln!(
            out,
            "  {DIM}{:<8}  {}{}  {}  (by {}{}){DIM:#}",
            f.severity.as_str().to_uppercase(),
            safe(&pkg),
            safe(&f.message),
            safe(&f.rule),
            safe(&s.by),
            if s.reason.is_empty() {
                String::new()
            } else {
                format!(": {}", safe(&s.reason))
            }
        )?;
    }
    writeln!(out)
}

fn write_groups(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    // Findings arrive sorted by severity; grouping keeps first-seen order, so the package
    // with the worst finding comes first.
    for group in present::group_by_package(findings) {
        match group.package {
            // A name that did not resolve (a typo checked with `check`) has no version.
            Some(p) if p.version.is_empty() => writeln!(out, "{BOLD}{}{BOLD:#}", safe(&p.name))?,
            Some(p) => writeln!(out, "{BOLD}{}@{}{BOLD:#}", safe(&p.name), safe(&p.version))?,
            None => writeln!(out, "{BOLD}project{BOLD:#}")?,
        }
        for f in group.findings {
            write_finding(f, out)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One finding: severity, message, rule; then its location, fix guidance and advisory links.
fn write_finding(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let s = style(f.severity);
    writeln!(
        out,
        "  {s}{:<8}{s:#}  {}  {DIM}{}{DIM:#}",
        f.severity.as_str().to_uppercase(),
        safe(&f.message),
        safe(&f.rule)
    )?;
    if let Some(loc) = &f.location {
        match loc.line {
            0 => writeln!(out, "            {DIM}--> {}{DIM:#}", safe(&loc.file))?,
            line => writeln!(
                out,
                "            {DIM}--> {}:{line}{DIM:#}",
                safe(&loc.file)
            )?,
        }
    }
    if let Some(fix) = present::fix_of(f) {
        writeln!(out, "            {FIX}fix:{FIX:#} {}", safe(&fix.summary))?;
        if let Some((file, entry)) = &fix.manifest {
            writeln!(
                out,
                "                 add to {}: {}",
                safe(file),
                safe(entry)
            )?;
        }
        if !fix.command.is_empty() {
            writeln!(out, "                 run: {}", safe(&fix.command))?;
        }
    }
    let links = present::advisory_links(f);
    if !links.is_empty() {
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        writeln!(out, "            {DIM}{}{DIM:#}", urls.join("  "))?;
    }
    Ok(())
}

fn write_summary(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    let c = &report.summary.findings;
    let parts: Vec<String> = [
        (c.critical, Severity::Critical),
        (c.high, Severity::High),
        (c.medium, Severity::Medium),
        (c.low, Severity::Low),
        (c.info, Severity::Info),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, s)| format!("{n} {s}"))
    .collect();
    let counts = if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    };
    let verdict = match report.exit_code(fail_on) {
        0 => format!("clean at --fail-on {fail_on}"),
        1 if report.not_evaluated.is_empty() => format!("findings at or above {fail_on}"),
        1 => format!("findings at or above {fail_on} (and some checks could not run)"),
        _ => "NOT EVALUATED: some checks could not run".to_string(),
    };
    let suppressed = match report.summary.suppressed {
        0 => String::new(),
        n => format!(" ({n} suppressed)"),
    };
    writeln!(
        out,
        "{BOLD}{} {}: {counts}{suppressed} — {verdict}{BOLD:#}",
        report.summary.packages,
        if report.summary.packages == 1 {
            "package"
        } else {
            "packages"
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{Finding, NotEvaluated, Report, Rule, Target, TargetLockfile};

    static RULE: Rule = Rule {
        id: "lockfile/demo",
        default_severity: Severity::High,
        summary: "d",
        doc: "d",
    };

    /// A run whose only gaps are packument-metadata rules says how to run without them.
    #[test]
    fn metadata_only_gaps_name_the_flag() {
        let render = |ne: Vec<NotEvaluated>| {
            let report = Report::new(
                Target {
                    path: "x".into(),
                    lockfile: None,
                },
                1,
                Vec::new(),
                ne,
            );
            let mut out = Vec::new();
            write(&report, Severity::High, &mut out).unwrap();
            strip(&String::from_utf8(out).unwrap())
        };
        let gap = |what: &str| NotEvaluated::new(what, "the mirror strips it");
        let only = render(vec![
            gap("metadata/new-publisher of a@1.0.0"),
            gap("metadata/deprecated of a@1.0.0"),
        ]);
        assert!(only.contains("--no-metadata runs without them"), "{only}");
        let mixed = render(vec![
            gap("metadata/new-publisher of a@1.0.0"),
            gap("code scan of a@1.0.0"),
        ]);
        assert!(!mixed.contains("--no-metadata"), "{mixed}");
    }

    #[test]
    fn groups_by_package_and_summarises() {
        let f1 = Finding::new(&RULE, "bad host")
            .package("ms", "2.1.3")
            .at("package-lock.json", 60);
        let f2 = Finding::new(&RULE, "weak")
            .package("is-number", "7.0.0")
            .severity(Severity::Medium);
        let report = Report::new(
            Target {
                path: "demo".into(),
                lockfile: Some(TargetLockfile {
                    path: "demo/package-lock.json".into(),
                    format: "npm".into(),
                    version: "3".into(),
                }),
            },
            6,
            vec![f2, f1],
            vec![NotEvaluated {
                what: "advisories".into(),
                why: "no database".into(),
            }],
        );
        let mut out = Vec::new();
        write(&report, Severity::High, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let plain = strip(&text);
        insta::assert_snapshot!(plain);
    }

    #[test]
    fn control_characters_from_inputs_are_escaped() {
        let forged = "https://evil.example/a.tgz\x1b[2J\x1b[32mALL CLEAN\x1b[0m\r";
        assert_eq!(
            terminal_safe(forged),
            "https://evil.example/a.tgz\\u{1b}[2J\\u{1b}[32mALL CLEAN\\u{1b}[0m\\u{d}"
        );
        let f = Finding::new(&RULE, forged).package("a\x07", "1.0.0");
        let report = Report::new(
            Target {
                path: ".".into(),
                lockfile: None,
            },
            1,
            vec![f],
            vec![],
        );
        let mut out = Vec::new();
        write(&report, Severity::High, &mut out).unwrap();
        // Only the writer's own SGR styles remain: no ESC followed by a cursor/erase command.
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains("\x1b[2J") && !text.contains('\x07') && !text.contains('\r'),
            "{text:?}"
        );
    }

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
