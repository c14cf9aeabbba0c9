//! `diligence scan`: the engine's code layer on its own, over package folders, tarballs and
//! `name@version`s (downloaded through the registry client and verified; the packument's
//! version document is then compared with the tarball's package.json).
//!
//! `--format json|sarif|markdown` write the `diligence.report/1` report like every command:
//! one finding per code finding (located in the package's file), and one per-package verdict
//! under `packages` (`malicious | suspicious | clean`, the score, and `complete: false` for a
//! partly analysed package, which is also listed under `not_evaluated`). The human format
//! prints one line per package, then its findings.
//!
//! A target without a `package.json` at its root (an empty folder, a folder of lockfiles, an
//! empty or foreign archive) is not evaluated (`error: <target>: not an npm package: no
//! package.json`), never clean. A partly analysed package prints `not evaluated` instead of a
//! verdict.
//!
//! Exit codes, as for every command: 1 when a finding is at or above `--fail-on`; else 2 when
//! a target could not be read or was only partly analysed; else 0.

use super::common;
use crate::cli::{ReportFormat, ScanArgs};
use anyhow::{Context, Result};
use diligence_engine::{Command, Engine, Input, Run};
use diligence_finding::{Finding, PackageVerdict};
use diligence_report::human::terminal_safe as safe;

pub fn run(args: ScanArgs) -> Result<u8> {
    let manifest = match &args.manifest {
        Some(m) => {
            let bytes = std::fs::read(m)
                .with_context(|| format!("{}: cannot read manifest", m.display()))?;
            let v: serde_json::Value = serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: manifest is not JSON", m.display()))?;
            Some(v)
        }
        None => None,
    };
    let input = Input::packages(&args.dir, &args.targets, manifest);
    let settings = common::settings(Command::Scan, &args.dir, &args.report, &args.sources);
    let run = Engine::new(settings)?.run(input)?;
    common::print_warnings(&run);
    match args.report.format {
        ReportFormat::Human if args.report.output.is_none() => print_human(&run, args.verbose),
        _ => common::write_report(&run, &args.report)?,
    }
    print_not_evaluated(&run);
    Ok(run.exit_code())
}

/// One line per package, then its findings. A partly analysed package never reads as clean:
/// with a clean verdict it is `not evaluated`; a suspicious or malicious verdict stays (a
/// lower bound) and is marked `incomplete`. A clean package with weak signals reads
/// `clean (N weak signals)`; its findings are listed with `verbose`.
fn print_human(run: &Run, verbose: bool) {
    for v in &run.report.packages {
        let id = format!("{}@{}", v.package.name, v.package.version);
        if !v.complete && v.verdict == "clean" {
            let style = anstyle::AnsiColor::Yellow.on_default().bold();
            anstream::println!(
                "{}: {style}not evaluated{style:#} (incomplete scan: {} files, {} bytes read)",
                safe(&id),
                v.files,
                v.bytes
            );
        } else {
            print_verdict(&id, v);
        }
        // A clean package lists only what fails the run on its own (high and critical)
        // unless `--verbose`.
        let all = verbose || v.verdict != "clean" || !v.complete;
        let own = run.report.findings.iter().filter(|f| {
            f.package
                .as_ref()
                .is_some_and(|p| p.name == v.package.name && p.version == v.package.version)
                && (all || f.severity >= diligence_finding::Severity::High)
        });
        for f in own {
            print_finding(f);
        }
    }
    let hidden = run
        .report
        .packages
        .iter()
        .any(|v| v.verdict == "clean" && v.complete && v.weak_signals > 0);
    if hidden && !verbose {
        anstream::eprintln!("note: weak signals of clean packages are listed with -v");
    }
}

fn print_verdict(id: &str, v: &PackageVerdict) {
    let style = match v.verdict.as_str() {
        "malicious" => anstyle::AnsiColor::Red.on_default().bold(),
        "suspicious" => anstyle::AnsiColor::Yellow.on_default().bold(),
        _ => anstyle::AnsiColor::Green.on_default(),
    };
    let note = if v.complete { "" } else { "incomplete, " };
    let weak = match (v.verdict.as_str(), v.weak_signals) {
        ("clean", 1) => " (1 weak signal)".to_string(),
        ("clean", n) if n > 1 => format!(" ({n} weak signals)"),
        _ => String::new(),
    };
    anstream::println!(
        "{}: {style}{}{weak}{style:#} ({note}score {}, {} files, {} bytes)",
        safe(id),
        v.verdict,
        v.score,
        v.files,
        v.bytes
    );
}

fn print_finding(f: &Finding) {
    let (file, line) = f
        .location
        .as_ref()
        .map_or(("", 0), |l| (l.file.as_str(), l.line));
    anstream::println!(
        "  {:<8} {} {}:{} {}",
        f.severity.as_str(),
        f.rule,
        safe(file),
        line,
        safe(&f.message)
    );
    let snippet = f
        .evidence
        .get("snippet")
        .and_then(|s| s.as_str())
        .unwrap_or("");
    if !snippet.is_empty() {
        anstream::println!("           | {}", safe(snippet));
    }
}

/// What could not be evaluated, on stderr: a target that could not be scanned at all is an
/// error line naming it once; a partly analysed package a warning.
fn print_not_evaluated(run: &Run) {
    for ne in &run.report.not_evaluated {
        let subject = ne.what.strip_prefix("code scan of ").unwrap_or(&ne.what);
        let scanned = run
            .report
            .packages
            .iter()
            .any(|v| format!("{}@{}", v.package.name, v.package.version) == subject);
        if scanned {
            anstream::eprintln!(
                "warning: {}: not evaluated: {}",
                safe(subject),
                safe(&ne.why)
            );
        } else {
            anstream::eprintln!("error: {}: {}", safe(subject), safe(&ne.why));
        }
    }
}
