//! What every report command shares: the engine settings built from the common flags, and
//! the report writers. A leaf module: it depends on `cli` and the library crates only, so the
//! command modules never depend on each other.

use crate::cli::{ReportArgs, ReportFormat, SourceArgs};
use anyhow::{Context, Result};
use diligence_engine::{Command, Network, Run, Settings};
use diligence_finding::{Report, Severity};
use std::io::Write;
use std::path::Path;

/// The engine settings of `command` for `project_dir` from the common flags.
pub(crate) fn settings(
    command: Command,
    project_dir: &Path,
    report: &ReportArgs,
    sources: &SourceArgs,
) -> Settings {
    let network = if sources.offline {
        Network::Offline
    } else if sources.prefer_offline {
        Network::PreferOffline
    } else {
        Network::Online
    };
    let metadata = match (sources.metadata, sources.no_metadata) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    Settings {
        command,
        project_dir: project_dir.to_path_buf(),
        config: sources.config.clone(),
        fail_on: report.fail_on,
        network,
        db: sources.db.clone(),
        advisories: !sources.no_advisories,
        registry: !sources.no_registry,
        code: !sources.no_code,
        metadata,
        allowed_hosts: sources.allowed_hosts.clone(),
        progress: !report.quiet,
        show_suppressed: report.show_suppressed,
        refresh: sources.network.refresh,
        max_age: sources.network.max_age,
        fetch_timeout: sources.network.fetch_timeout,
        allow_project_credentials: sources.network.allow_project_credentials.clone(),
        omit: sources.omit(),
        all_platforms: false,
        node: None,
        trusted_config: None,
    }
}

/// The version `node --version` on the PATH prints (`v20.20.2` → `20.20.2`), or `None` when
/// there is no Node.js or it prints no version. Runs the user's Node.js binary, never package
/// code.
pub(crate) fn node_version() -> Option<String> {
    let out = std::process::Command::new("node")
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let v = text.trim().trim_start_matches('v');
    (out.status.success() && !v.is_empty() && v.len() < 64).then(|| v.to_string())
}

/// Prints the run's warnings on stderr.
pub(crate) fn print_warnings(run: &Run) {
    for w in &run.warnings {
        anstream::eprintln!("warning: {w}");
    }
}

/// [`print_warnings`] for one of several runs: a warning already in `warned` (a stale
/// advisory database shared by every project) is not printed again.
pub(crate) fn print_warnings_once(run: &Run, warned: &mut std::collections::HashSet<String>) {
    for w in &run.warnings {
        if warned.insert(w.clone()) {
            anstream::eprintln!("warning: {w}");
        }
    }
}

/// Writes the report in `args.format` to `--output` (a file, created or truncated, without
/// colour codes) or to stdout. Errors: the output file cannot be written (one line naming it).
pub(crate) fn write_report(run: &Run, args: &ReportArgs) -> Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    render(&run.report, args.format, run.fail_on, &mut buf)?;
    emit(&buf, args.output.as_deref(), Stream::Stdout)
}

/// Renders `report` in `format`.
pub(crate) fn render(
    report: &Report,
    format: ReportFormat,
    fail_on: Severity,
    out: &mut Vec<u8>,
) -> Result<()> {
    match format {
        ReportFormat::Human => diligence_report::human::write(report, fail_on, out)?,
        ReportFormat::Json => diligence_report::json::write(report, out)?,
        ReportFormat::Sarif => {
            diligence_report::sarif::write(report, &diligence_engine::all_rules(), out)?
        }
        ReportFormat::Markdown => diligence_report::markdown::write(report, fail_on, out)?,
        ReportFormat::Html => diligence_report::html::write(report, fail_on, out)?,
        ReportFormat::Github => diligence_report::github::write(report, fail_on, out)?,
        ReportFormat::Ndjson => {
            anyhow::bail!("--format ndjson is the output of `scan --stdin` only")
        }
    }
    Ok(())
}

/// The standard stream a report goes to.
#[derive(Clone, Copy)]
pub(crate) enum Stream {
    Stdout,
    Stderr,
}

/// `bytes` to `output` (colour codes stripped) or to `stream` (colour codes kept only where
/// anstream would keep them: a terminal, `CLICOLOR_FORCE`, not `NO_COLOR`).
pub(crate) fn emit(bytes: &[u8], output: Option<&Path>, stream: Stream) -> Result<()> {
    if let Some(path) = output {
        return std::fs::write(path, strip_sgr(bytes))
            .with_context(|| format!("{}: cannot write the report", path.display()));
    }
    let coloured = match stream {
        Stream::Stdout => anstream::stdout().current_choice(),
        Stream::Stderr => anstream::stderr().current_choice(),
    } != anstream::ColorChoice::Never;
    // Colour: through anstream (which also adapts the styles to a legacy Windows console).
    let (mut out, bytes): (Box<dyn Write>, std::borrow::Cow<[u8]>) = match (stream, coloured) {
        (Stream::Stdout, true) => (Box::new(anstream::stdout()), bytes.into()),
        (Stream::Stderr, true) => (Box::new(anstream::stderr()), bytes.into()),
        (Stream::Stdout, false) => (Box::new(std::io::stdout().lock()), strip_sgr(bytes).into()),
        (Stream::Stderr, false) => (Box::new(std::io::stderr().lock()), strip_sgr(bytes).into()),
    };
    out.write_all(&bytes)?;
    Ok(out.flush()?)
}

/// `bytes` without escape sequences: every `ESC [ … final` (CSI, such as the writers' SGR
/// styles) and any other ESC with the ASCII byte after it. The writers escape every C0 control of
/// their inputs (`terminal_safe` and the Markdown/HTML/GitHub escapes; JSON and SARIF by
/// serde_json), so the only ESC bytes are their own styles; this one pass
/// (memchr for ESC) replaces anstream's general terminal parser, a tenth of a plain-text audit's
/// instructions (npm-v1-lodash, 137 KB of report).
pub(crate) fn strip_sgr(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(i) = memchr::memchr(0x1b, rest) {
        out.extend_from_slice(&rest[..i]);
        rest = &rest[i + 1..];
        match rest.first() {
            Some(b'[') => {
                // Parameters and intermediates (0x20–0x3f), then one final byte (0x40–0x7e);
                // a sequence cut short keeps the byte that cut it.
                let params = rest[1..]
                    .iter()
                    .position(|b| !(0x20..=0x3f).contains(b))
                    .map_or(rest.len(), |p| p + 1);
                let end = match rest.get(params) {
                    Some(b) if (0x40..=0x7e).contains(b) => params + 1,
                    _ => params,
                };
                rest = &rest[end..];
            }
            // Another escape: ESC and the ASCII byte after it (not half a UTF-8 character).
            Some(b) if b.is_ascii() => rest = &rest[1..],
            _ => {}
        }
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod strip_tests {
    use super::strip_sgr;

    #[test]
    fn styles_and_stray_escapes_are_removed() {
        assert_eq!(
            strip_sgr(b"\x1b[1mchalk\x1b[0m  \x1b[91;1mCRITICAL\x1b[0m ok\n"),
            b"chalk  CRITICAL ok\n"
        );
        assert_eq!(strip_sgr(b"a\x1bZb\x1b"), b"ab");
        assert_eq!(strip_sgr(b"cut \x1b[12"), b"cut ");
        assert_eq!(
            strip_sgr("caf\u{e9} \u{2192}".as_bytes()),
            "caf\u{e9} \u{2192}".as_bytes()
        );
    }
}
