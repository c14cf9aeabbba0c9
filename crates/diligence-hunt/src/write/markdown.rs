//! `--format markdown`: the hunt for an incident ticket (GitHub-flavoured Markdown): a verdict
//! line, what was hunted, then per repository a table of matches and the timeline in a
//! collapsible block, then what was not evaluated or not checked.
//!
//! Every value from a repository or a lockfile is written as a code span ([`code`]): no
//! Markdown or HTML inside it is interpreted and URLs are not turned into links, `|` is
//! escaped so a table cell cannot be split, and control or bidirectional characters are made
//! visible first ([`super::visible`]).

use super::{minute, short, visible};
use crate::report::{CommitRef, HuntReport, RepositoryReport};
use std::fmt::Write as _;
use std::io::{self, Write};

/// A value as an inline code span safe inside a table cell.
pub fn code(value: &str) -> String {
    let v = visible(value).replace('|', "\\|");
    if v.is_empty() {
        return String::new();
    }
    let longest = v.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if v.starts_with('`') || v.ends_with('`') || v.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{v}{pad}{fence}")
}

fn codes(values: &[String]) -> String {
    values
        .iter()
        .map(|s| code(s))
        .collect::<Vec<_>>()
        .join(", ")
}

fn commit_cell(c: &CommitRef) -> String {
    format!("{} {}", minute(&c.date), code(short(&c.id)))
}

/// Writes the Markdown document.
pub fn write(report: &HuntReport, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report).as_bytes())
}

/// Renders the Markdown document.
pub fn render(report: &HuntReport) -> String {
    let mut o = String::new();
    let s = &report.summary;
    let verdict = match report.exit_code() {
        0 => "✅ no match".to_string(),
        1 => format!(
            "❌ {} match{} in {} of {} repositor{}",
            s.matches,
            if s.matches == 1 { "" } else { "es" },
            report
                .repositories
                .iter()
                .filter(|r| !r.matches.is_empty())
                .count(),
            s.repositories,
            if s.repositories == 1 { "y" } else { "ies" }
        ),
        _ => "⚠️ not evaluated: no match, but some lockfile versions could not be read".to_string(),
    };
    let _ = writeln!(o, "## diligence hunt: {verdict}\n");
    let q = &report.query;
    let mut specs: Vec<String> = q.specs.iter().map(|x| x.spec.clone()).collect();
    specs.dedup();
    let mut hunted = vec![];
    if !specs.is_empty() {
        hunted.push(format!("packages {}", codes(&specs)));
    }
    if !q.indicators.is_empty() {
        let iocs: Vec<String> = q
            .indicators
            .iter()
            .map(|i| format!("{} {}", i.kind(), code(&i.value())))
            .collect();
        hunted.push(format!("indicators {}", iocs.join(", ")));
    }
    let _ = writeln!(
        o,
        "Hunted {} on {}{}; {} commits, {} lockfile versions parsed.\n",
        hunted.join("; "),
        if q.all_refs {
            "every branch and tag"
        } else {
            "`HEAD`"
        },
        q.since
            .as_deref()
            .map(|d| format!(" since {d}"))
            .unwrap_or_default(),
        s.commits,
        s.lockfiles_parsed
    );
    for repo in &report.repositories {
        write_repository(repo, &mut o);
    }
    let _ = writeln!(o, "<sub>{} {}</sub>", report.tool.name, report.tool.version);
    o
}

fn write_repository(repo: &RepositoryReport, o: &mut String) {
    let _ = writeln!(o, "### {}\n", code(&repo.path));
    if repo.matches.is_empty() && repo.not_evaluated.is_empty() {
        let _ = writeln!(o, "No match in {} commits.\n", repo.stats.commits);
    }
    if !repo.matches.is_empty() {
        o.push_str("| Package | Matched by | Introduced | By | Last locked | Still locked at | Lockfiles | Path |\n");
        o.push_str("|---|---|---|---|---|---|---|---|\n");
        for m in &repo.matches {
            let still: Vec<String> = m.still_in.iter().map(|r| r.name.clone()).collect();
            let path = m
                .dependency_paths
                .first()
                .map(|p| code(&format!("{} > {}", p.importer, p.path.join(" > "))))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                code(&format!("{}@{}", m.package.name, m.package.version)),
                code(&m.matched_by.label()),
                commit_cell(&m.first),
                code(&m.first.author),
                commit_cell(&m.last),
                if still.is_empty() {
                    "—".into()
                } else {
                    codes(&still)
                },
                codes(&m.lockfiles),
                path
            );
        }
        let timeline = HuntReport::timeline(repo);
        let _ = writeln!(
            o,
            "\n<details><summary>Timeline ({} events)</summary>\n\n| Date | Event | Package | Commit | Author | On | Lockfiles |\n|---|---|---|---|---|---|---|",
            timeline.len()
        );
        for (m, e) in timeline {
            let _ = writeln!(
                o,
                "| {} | {}{} | {} | {} | {} | {} | {} |",
                minute(&e.commit.date),
                e.event,
                if e.at_window_start {
                    " (already locked at the start)"
                } else {
                    ""
                },
                code(&format!("{}@{}", m.package.name, m.package.version)),
                code(short(&e.commit.id)),
                code(&e.commit.author),
                e.commit.on.as_deref().map(code).unwrap_or_default(),
                codes(&e.lockfiles)
            );
        }
        o.push_str("\n</details>\n\n");
    }
    if !repo.not_evaluated.is_empty() {
        o.push_str("**Not evaluated** (the result is incomplete):\n\n");
        for ne in &repo.not_evaluated {
            let _ = writeln!(o, "- {}: {}", code(&ne.what), code(&ne.why));
        }
        o.push('\n');
    }
    for note in &repo.not_checked {
        let _ = writeln!(o, "- not checked: {}", code(note));
    }
    if !repo.not_checked.is_empty() {
        o.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_anything() {
        assert_eq!(code("axios@1.14.1"), "`axios@1.14.1`");
        assert_eq!(code("a|b"), "`a\\|b`");
        assert_eq!(code("x`y"), "``x`y``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(
            code("<img src=x onerror=alert(1)>"),
            "`<img src=x onerror=alert(1)>`"
        );
        assert_eq!(code("line\nbreak"), "`line\\u{a}break`");
        assert_eq!(code(""), "");
    }
}
