//! The terminal report: per repository, each match (what matched, first and last commit, refs
//! that still lock it, lockfiles, a dependency path), then the repository's timeline of
//! introductions, removals and moves, oldest first; then what was not evaluated or not
//! checked; then one summary line.
//!
//! Colour is applied through ANSI styles; callers pass an `anstream` stream, which strips
//! them when stdout is not a terminal or `NO_COLOR` is set. Every value from a repository or a
//! lockfile goes through [`super::visible`].

use super::{minute, short, visible as v};
use crate::report::{CommitRef, HuntReport, Match, RepositoryReport};
use anstyle::{AnsiColor, Color, Style};
use std::io::{self, Write};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)))
    .bold();
const GREEN: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Green)));
const YELLOW: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Yellow)));

/// Writes the human report.
pub fn write(report: &HuntReport, out: &mut dyn Write) -> io::Result<()> {
    let q = &report.query;
    let mut what: Vec<String> = q.specs.iter().map(|s| s.spec.clone()).collect();
    what.dedup();
    what.extend(
        q.indicators
            .iter()
            .map(|i| format!("{} {}", i.kind(), i.value())),
    );
    writeln!(
        out,
        "{BOLD}diligence hunt{BOLD:#} {}  {DIM}{}{}{DIM:#}",
        v(&what.join(", ")),
        if q.all_refs { "all refs" } else { "HEAD" },
        q.since
            .as_deref()
            .map(|s| format!(", since {s}"))
            .unwrap_or_default()
    )?;
    for repo in &report.repositories {
        writeln!(out)?;
        write_repository(repo, out)?;
    }
    writeln!(out)?;
    let s = &report.summary;
    let hit_repos = report
        .repositories
        .iter()
        .filter(|r| !r.matches.is_empty())
        .count();
    let verdict = match report.exit_code() {
        0 => format!("{GREEN}no match{GREEN:#}"),
        1 => format!(
            "{RED}{} match{} in {hit_repos} of {} repositor{}{RED:#}",
            s.matches,
            if s.matches == 1 { "" } else { "es" },
            s.repositories,
            if s.repositories == 1 { "y" } else { "ies" }
        ),
        _ => format!(
            "{YELLOW}NOT EVALUATED: no match, but some lockfile versions could not be read{YELLOW:#}"
        ),
    };
    writeln!(
        out,
        "{BOLD}{} commits, {} lockfile versions parsed: {verdict}{BOLD:#}",
        s.commits, s.lockfiles_parsed
    )
}

fn write_repository(repo: &RepositoryReport, out: &mut dyn Write) -> io::Result<()> {
    let st = &repo.stats;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}{}  {DIM}{} commits, {} lockfile path{}, {} lockfile versions parsed{}{DIM:#}",
        v(&repo.path),
        repo.head
            .as_deref()
            .map(|h| format!(" ({})", v(h.strip_prefix("refs/heads/").unwrap_or(h))))
            .unwrap_or_default(),
        st.commits,
        st.lockfile_paths,
        if st.lockfile_paths == 1 { "" } else { "s" },
        st.lockfiles_parsed,
        if repo.shallow { ", shallow clone" } else { "" }
    )?;
    if repo.matches.is_empty() && repo.not_evaluated.is_empty() {
        writeln!(out, "  {GREEN}no match{GREEN:#}")?;
    }
    for m in &repo.matches {
        write_match(m, out)?;
    }
    if !repo.matches.is_empty() {
        writeln!(out, "  {BOLD}Timeline{BOLD:#}")?;
        for (m, e) in HuntReport::timeline(repo) {
            let style = match e.event {
                "introduced" => RED,
                "removed" => GREEN,
                _ => YELLOW,
            };
            writeln!(
                out,
                "    {}  {style}{:<10}{style:#}  {}@{}  {}  {}  {DIM}{}{}{DIM:#}",
                minute(&e.commit.date),
                e.event,
                v(&m.package.name),
                v(&m.package.version),
                short(&e.commit.id),
                v(&e.commit.author),
                v(&e.lockfiles.join(", ")),
                e.commit
                    .on
                    .as_deref()
                    .map(|o| format!(" on {}", v(o)))
                    .unwrap_or_default(),
            )?;
        }
    }
    if !repo.not_evaluated.is_empty() {
        writeln!(
            out,
            "  {YELLOW}Not evaluated{YELLOW:#} (the result is incomplete):"
        )?;
        for ne in &repo.not_evaluated {
            writeln!(out, "    - {}: {}", v(&ne.what), v(&ne.why))?;
        }
    }
    for note in &repo.not_checked {
        writeln!(out, "  {DIM}not checked: {}{DIM:#}", v(note))?;
    }
    Ok(())
}

fn commit_line(c: &CommitRef) -> String {
    format!(
        "{}  {}  {} <{}>  \"{}\"{}",
        minute(&c.date),
        short(&c.id),
        v(&c.author),
        v(&c.email),
        v(&c.subject),
        c.on.as_deref()
            .map(|o| format!("  ({})", v(o)))
            .unwrap_or_default()
    )
}

fn write_match(m: &Match, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  {RED}{}@{}{RED:#}  matched by {}",
        v(&m.package.name),
        v(&m.package.version),
        v(&m.matched_by.label())
    )?;
    if let Some(a) = &m.matched_by.advisory {
        writeln!(out, "    {DIM}{}: {}{DIM:#}", v(&a.id), v(&a.summary))?;
    }
    let window = if m.events.first().is_some_and(|e| e.at_window_start) {
        "  (already locked where the walk starts)"
    } else {
        ""
    };
    writeln!(out, "    introduced  {}{window}", commit_line(&m.first))?;
    writeln!(out, "    last        {}", commit_line(&m.last))?;
    let intro = m.events.iter().filter(|e| e.event == "introduced").count();
    if intro > 1 {
        writeln!(
            out,
            "    {YELLOW}introduced {intro} times (reintroduced after removal or on another branch){YELLOW:#}"
        )?;
    }
    if m.still_in.is_empty() {
        writeln!(out, "    {GREEN}no ref tip locks it any more{GREEN:#}")?;
    } else {
        let refs: Vec<String> = m.still_in.iter().map(|r| v(&r.name).into_owned()).collect();
        writeln!(out, "    {RED}still locked at{RED:#} {}", refs.join(", "))?;
    }
    writeln!(
        out,
        "    lockfiles   {}  {DIM}({} commit{}){DIM:#}",
        v(&m.lockfiles.join(", ")),
        m.commits,
        if m.commits == 1 { "" } else { "s" }
    )?;
    for p in m.dependency_paths.iter().take(3) {
        writeln!(
            out,
            "    path        {} > {}  {DIM}({}){DIM:#}",
            v(&p.importer),
            v(&p.path.join(" > ")),
            v(&p.lockfile)
        )?;
    }
    if m.dependency_paths.len() > 3 {
        writeln!(
            out,
            "    {DIM}… {} more paths in --format json{DIM:#}",
            m.dependency_paths.len() - 3
        )?;
    }
    if m.matched_by.field != "version" {
        for r in &m.resolved {
            writeln!(out, "    resolved    {}", v(r))?;
        }
        for i in &m.integrity {
            writeln!(out, "    integrity   {}", v(i))?;
        }
    }
    Ok(())
}
