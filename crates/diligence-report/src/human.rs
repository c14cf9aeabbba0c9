//! The terminal report: findings grouped by package (most severe group first), each with its
//! rule id, message and `file:line`; then what was not evaluated; then a one-line summary.
//!
//! Colour is applied through ANSI styles; callers pass an `anstream` stream, which strips them
//! when stdout is not a terminal or `NO_COLOR` is set.

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

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Writes the human report. `fail_on` is shown in the summary line.
pub fn write(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    let target = &report.target;
    match &target.lockfile {
        Some(l) => writeln!(
            out,
            "{BOLD}{}{BOLD:#}  {DIM}{} ({} {}), {} packages{DIM:#}",
            target.path, l.path, l.format, l.version, report.summary.packages
        )?,
        None => writeln!(out, "{BOLD}{}{BOLD:#}", target.path)?,
    }
    writeln!(out)?;
    write_groups(&report.findings, out)?;
    if !report.not_evaluated.is_empty() {
        let s = style(Severity::High);
        writeln!(
            out,
            "{s}Not evaluated{s:#} (the result is incomplete, exit 2):"
        )?;
        for ne in &report.not_evaluated {
            writeln!(out, "  - {}: {}", ne.what, ne.why)?;
        }
        writeln!(out)?;
    }
    write_summary(report, fail_on, out)
}

fn write_groups(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    // Findings arrive sorted by severity; group by package keeping first-seen order, so the
    // package with the worst finding comes first.
    let mut order: Vec<Option<&diligence_finding::PackageRef>> = Vec::new();
    for f in findings {
        if !order.contains(&f.package.as_ref()) {
            order.push(f.package.as_ref());
        }
    }
    for pkg in order {
        match pkg {
            Some(p) => writeln!(out, "{BOLD}{}@{}{BOLD:#}", p.name, p.version)?,
            None => writeln!(out, "{BOLD}project{BOLD:#}")?,
        }
        for f in findings.iter().filter(|f| f.package.as_ref() == pkg) {
            let s = style(f.severity);
            writeln!(
                out,
                "  {s}{:<8}{s:#}  {}  {DIM}{}{DIM:#}",
                f.severity.as_str().to_uppercase(),
                f.message,
                f.rule
            )?;
            if let Some(loc) = &f.location {
                match loc.line {
                    0 => writeln!(out, "            {DIM}--> {}{DIM:#}", loc.file)?,
                    line => writeln!(out, "            {DIM}--> {}:{line}{DIM:#}", loc.file)?,
                }
            }
        }
        writeln!(out)?;
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
    writeln!(
        out,
        "{BOLD}{} packages: {counts} — {verdict}{BOLD:#}",
        report.summary.packages
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
