//! `--format csv`: one row per event of every repository's timeline (RFC 4180, header first),
//! then one row per lockfile version that could not be evaluated, for a spreadsheet or a SIEM.
//!
//! Columns: `repository, date, event, package, version, matched_by, field, commit, author,
//! email, on, lockfiles, dependency_path, still_in, detail`. Lists are joined with `; `; dates
//! are RFC 3339 UTC; `event` is `introduced`, `removed`, `moved` or `not-evaluated`.
//!
//! Escaping: [`super::visible`], then a value that a spreadsheet would run as a formula (it
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return; scoped package names start with
//! `@`) gets a leading `'` (OWASP's advice), then RFC 4180 quoting when it holds a comma, a
//! quote or surrounding spaces.

use super::visible;
use crate::report::HuntReport;
use std::io::{self, Write};

/// The header row's columns.
pub const COLUMNS: [&str; 15] = [
    "repository",
    "date",
    "event",
    "package",
    "version",
    "matched_by",
    "field",
    "commit",
    "author",
    "email",
    "on",
    "lockfiles",
    "dependency_path",
    "still_in",
    "detail",
];

/// One CSV field.
pub fn field(value: &str) -> String {
    let v = visible(value);
    let guarded = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.into_owned()
    };
    if guarded.contains([',', '"']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(out: &mut dyn Write, values: &[&str]) -> io::Result<()> {
    let line: Vec<String> = values.iter().map(|v| field(v)).collect();
    write!(out, "{}\r\n", line.join(","))
}

/// Writes the CSV document.
pub fn write(report: &HuntReport, out: &mut dyn Write) -> io::Result<()> {
    row(out, &COLUMNS)?;
    for repo in &report.repositories {
        for (m, e) in HuntReport::timeline(repo) {
            let path = m
                .dependency_paths
                .first()
                .map(|p| format!("{} > {}", p.importer, p.path.join(" > ")))
                .unwrap_or_default();
            let still: Vec<&str> = m.still_in.iter().map(|r| r.name.as_str()).collect();
            let detail = if e.at_window_start {
                "already locked when the walk starts (--since or a shallow clone)"
            } else {
                ""
            };
            row(
                out,
                &[
                    &repo.path,
                    &e.commit.date,
                    e.event,
                    &m.package.name,
                    &m.package.version,
                    &m.matched_by.value,
                    m.matched_by.field,
                    &e.commit.id,
                    &e.commit.author,
                    &e.commit.email,
                    e.commit.on.as_deref().unwrap_or(""),
                    &e.lockfiles.join("; "),
                    &path,
                    &still.join("; "),
                    detail,
                ],
            )?;
        }
        for ne in &repo.not_evaluated {
            let mut values = vec![""; COLUMNS.len()];
            values[0] = &repo.path;
            values[2] = "not-evaluated";
            values[11] = &ne.what;
            values[14] = &ne.why;
            row(out, &values)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_escaped_and_guarded() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@babel/core"), "'@babel/core");
        assert_eq!(field("a\nb\r"), "a\\u{a}b\\u{d}");
        assert_eq!(field(" padded"), "\" padded\"");
    }
}
