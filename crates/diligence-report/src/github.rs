//! `--format github`: GitHub Actions workflow commands, one annotation per finding, for a step
//! that runs `diligence` in a workflow (the annotations appear on the run and, for files in
//! the pull request, on the diff).
//!
//! ```text
//! ::error file=package-lock.json,line=60,title=lockfile/resolved-host (ms@2.1.3)::resolved host …
//! ```
//! Critical and high findings are `error`, medium `warning`, low and info `notice`; each "not
//! evaluated" record is an `error` titled `not evaluated`; a last plain line sums up. Every
//! value goes through [`crate::escape::github_property`] or [`crate::escape::github_data`],
//! so a crafted value can neither end the command nor start another (`::stop-commands::`
//! would silence every later annotation).

use crate::escape::{github_data, github_property, terminal_safe};
use crate::present;
use diligence_finding::{Finding, Report, Severity};
use std::io::{self, Write};

/// The workflow command for a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "notice",
    }
}

/// Writes the annotations and the summary line. Errors: I/O errors of `out`.
pub fn write(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        write_finding(f, out)?;
    }
    for ne in &report.not_evaluated {
        writeln!(
            out,
            "::error title=not evaluated::{}",
            github_data(&format!("{}: {}", ne.what, ne.why))
        )?;
    }
    let c = &report.summary.findings;
    let verdict = match report.exit_code(fail_on) {
        0 => format!("clean at --fail-on {fail_on}"),
        1 => format!("findings at or above {fail_on}"),
        _ => "NOT EVALUATED: some checks could not run".to_string(),
    };
    writeln!(
        out,
        "diligence: {} packages: {} critical, {} high, {} medium, {} low, {} info — {}",
        report.summary.packages,
        c.critical,
        c.high,
        c.medium,
        c.low,
        c.info,
        terminal_safe(&verdict)
    )
}

fn write_finding(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let mut props = Vec::new();
    if let Some(loc) = f.location.as_ref().filter(|l| !l.file.is_empty()) {
        // The runner matches `file` against the repository's paths: no leading `./`.
        let mut file = loc.file.as_str();
        while let Some(rest) = file.strip_prefix("./") {
            file = rest;
        }
        props.push(format!("file={}", github_property(file)));
        if loc.line > 0 {
            props.push(format!("line={}", loc.line));
        }
    }
    let title = match &f.package {
        Some(_) => format!(
            "{} ({})",
            f.rule,
            present::package_label(f.package.as_ref())
        ),
        None => f.rule.clone(),
    };
    props.push(format!("title={}", github_property(&title)));
    // Each part is escaped on its own (a line break inside a value becomes a visible
    // `\u{a}`); the parts are joined with the runner's `%0A`, the only line breaks.
    let mut parts = vec![github_data(&f.message)];
    if let Some(fix) = present::fix_of(f) {
        let mut line = format!("fix: {}", fix.summary);
        if !fix.command.is_empty() {
            line.push_str(&format!(" — run: {}", fix.command));
        }
        parts.push(github_data(&line));
    }
    for link in present::advisory_links(f) {
        parts.push(github_data(&link.url));
    }
    let data = parts;
    writeln!(
        out,
        "::{} {}::{}",
        command(f.severity),
        props.join(","),
        data.join("%0A")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{Rule, Target};

    static R: Rule = Rule {
        id: "lockfile/resolved-host",
        default_severity: Severity::High,
        summary: "s",
        doc: "d",
    };

    #[test]
    fn one_annotation_per_finding_and_no_injected_command() {
        let f = Finding::new(&R, "host evil\n::stop-commands::x\r::error::forged")
            .package("a,b:c", "1.0.0")
            .at("dir:x/package-lock.json", 7);
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
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!(
            lines[0],
            "::error file=dir%3Ax/package-lock.json,line=7,title=lockfile/resolved-host (a%2Cb%3Ac@1.0.0)::host evil\\u{a}:\\u{3a}stop-commands:\\u{3a}x\\u{d}:\\u{3a}error:\\u{3a}forged"
        );
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.trim_start().starts_with("::"))
        );
    }
}
