//! `diligence scan`: static analysis of package folders and tarballs, one verdict per package.
//!
//! Output per package (`--format json`, one JSON array):
//! `{"package", "verdict": "malicious|suspicious|clean", "score", "findings": [{"rule",
//! "severity", "file", "line", "snippet", "message"}]}`.
//!
//! Targets: a package folder, a `.tgz`, or `name@version` (downloaded through the registry
//! client; the packument's version document is then the registry manifest).
//!
//! `--format sarif|markdown` turn the scans into a `diligence.report/1` report (one package
//! per scanned target) and write it with the shared writers; `--output FILE` writes any format
//! to a file.
//!
//! A target without a `package.json` at its root (an empty folder, a folder of lockfiles, an
//! empty or foreign archive) is an error (`not an npm package: no package.json`), never clean.
//! A partly analysed package prints `not evaluated` instead of a verdict in the human format.
//!
//! Exit codes: 2 when a target could not be read or was only partly analysed (`not_evaluated`:
//! truncated archive, a size limit, an unparseable file; the others are still scanned and printed);
//! else 1 when any package is `suspicious` or `malicious` (score >= 10, see
//! `diligence_analyze::verdict`); else 0.

use crate::cli::{ReportFormat, ScanArgs};
use anyhow::{Context, Result, anyhow, bail};
use diligence_analyze::{PackageScan, ScanOptions, Verdict};
use diligence_finding::{NotEvaluated, Report, Target};
use diligence_registry::NpmConfig;
use diligence_report::human::terminal_safe as safe;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn run(args: ScanArgs) -> Result<u8> {
    let mut opts = ScanOptions::default();
    if let Some(m) = &args.manifest {
        let bytes =
            std::fs::read(m).with_context(|| format!("{}: cannot read manifest", m.display()))?;
        let v: serde_json::Value = serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: manifest is not JSON", m.display()))?;
        opts.registry_manifest = Some(v);
    }
    let mut scans = Vec::new();
    let mut failed = false;
    for target in &args.targets {
        match scan_target(target, &opts) {
            Ok(s) => scans.push(s),
            Err(e) => {
                failed = true;
                // Every error of `scan_target` already names the target.
                anstream::eprintln!("error: {}", safe(&format!("{e:#}").replace('\n', " ")));
            }
        }
    }
    match args.format {
        ReportFormat::Json => emit(&json_text(&scans)?, args.output.as_deref())?,
        ReportFormat::Human if args.output.is_none() => print_human(&scans),
        format => {
            let report = as_report(&scans, &args.targets);
            super::wiring::write_report(
                &report,
                format,
                diligence_finding::Severity::High,
                args.output.as_deref(),
            )?;
        }
    }
    for s in &scans {
        for what in &s.not_evaluated {
            anstream::eprintln!(
                "warning: {}: not evaluated: {}",
                safe(&s.package),
                safe(what)
            );
        }
    }
    if failed || scans.iter().any(|s| !s.not_evaluated.is_empty()) {
        return Ok(2);
    }
    Ok(u8::from(
        scans.iter().any(|s| s.verdict >= Verdict::Suspicious),
    ))
}

/// Scans one target. Every error names the target once (`<target>: <reason>`).
fn scan_target(target: &str, opts: &ScanOptions) -> Result<PackageScan> {
    let path = Path::new(target);
    if path.is_dir() {
        if !path.join("package.json").is_file() {
            bail!("{target}: {NO_MANIFEST}");
        }
        // `ScanError` names the path itself.
        return Ok(diligence_analyze::scan_dir(path, opts)?);
    }
    if path.is_file() {
        let bytes = std::fs::read(path).with_context(|| format!("{target}: cannot read"))?;
        return scan_bytes(&bytes, target, opts);
    }
    if let Some((name, version)) = split_spec(target) {
        return scan_spec(name, version, target, opts).with_context(|| target.to_string());
    }
    bail!("{target}: no such file or folder (and not a name@version spec)")
}

const NO_MANIFEST: &str = "not an npm package: no package.json";

/// Unpacks a gzip-compressed tarball and scans it; an archive without a root `package.json`
/// (or an empty file) is an error, not a clean package.
fn scan_bytes(bytes: &[u8], target: &str, opts: &ScanOptions) -> Result<PackageScan> {
    if bytes.is_empty() {
        bail!("{target}: {NO_MANIFEST} (empty file)");
    }
    let unpacked = diligence_analyze::archive::unpack_tarball(bytes, &opts.limits)
        .map_err(|reason| anyhow!("{target}: not a gzip-compressed tarball ({reason})"))?;
    if !unpacked.files.iter().any(|f| f.path == "package.json") {
        bail!("{target}: {NO_MANIFEST}");
    }
    Ok(diligence_analyze::scan_unpacked(unpacked, target, opts))
}

/// Downloads `name@version` through the registry client (configured from `.npmrc`, tarball
/// verified against the packument's integrity, cached by integrity) and scans it with the
/// packument's version document as the registry manifest (manifest confusion check), unless
/// `--manifest` was given.
fn scan_spec(name: &str, version: &str, target: &str, opts: &ScanOptions) -> Result<PackageScan> {
    let npm = NpmConfig::load(Path::new(".")).context("cannot read npm configuration")?;
    super::wiring::warn_config(&npm);
    let client = super::wiring::registry_client(false, false, npm, &Default::default())?;
    let packument = client.packument(name)?;
    let manifest = packument
        .version(version)
        .with_context(|| format!("version {version} is not in the packument of {name}"))?;
    let bytes = client.fetch_tarball_of(name, manifest, None)?;
    let mut opts = opts.clone();
    if opts.registry_manifest.is_none() {
        opts.registry_manifest = Some(serde_json::to_value(manifest)?);
    }
    scan_bytes(&bytes, target, &opts)
}

/// `name@version` or `@scope/name@version` (exact versions only).
fn split_spec(t: &str) -> Option<(&str, &str)> {
    let at = t.get(1..)?.rfind('@')? + 1;
    let (name, version) = (&t[..at], &t[at + 1..]);
    let valid = !name.is_empty()
        && !version.is_empty()
        && name.matches('/').count() == usize::from(name.starts_with('@'))
        && !name.contains('\\')
        && version.chars().next().is_some_and(|c| c.is_ascii_digit());
    valid.then_some((name, version))
}

fn json_text(scans: &[PackageScan]) -> Result<String> {
    let out: Vec<_> = scans
        .iter()
        .map(|s| {
            json!({
                "package": s.package,
                "verdict": s.verdict,
                "score": s.score,
                "not_evaluated": s.not_evaluated,
                "findings": s.findings.iter().map(|f| json!({
                    "rule": f.rule,
                    "severity": f.severity,
                    "file": f.file,
                    "line": f.line,
                    "snippet": f.snippet,
                    "message": f.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(serde_json::to_string_pretty(&out)? + "\n")
}

/// Writes `text` to `output` or stdout.
fn emit(text: &str, output: Option<&Path>) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write the report", path.display())),
        None => {
            let mut out = anstream::stdout();
            out.write_all(text.as_bytes())?;
            Ok(out.flush()?)
        }
    }
}

/// The scans as one report: every package's code findings, and what was not evaluated. A
/// package's `name@version` comes from its package.json (the scan's `package`).
fn as_report(scans: &[PackageScan], targets: &[String]) -> Report {
    let mut findings = Vec::new();
    let mut not_evaluated = Vec::new();
    for s in scans {
        let (name, version) = match s.package.get(1..).and_then(|t| t.rfind('@')) {
            Some(at) => (&s.package[..at + 1], &s.package[at + 2..]),
            None => (s.package.as_str(), ""),
        };
        findings.extend(s.to_findings(name, version));
        not_evaluated.extend(s.not_evaluated.iter().map(|why| NotEvaluated {
            what: format!("code scan of {}", s.package),
            why: why.clone(),
        }));
    }
    let target = Target {
        path: targets.join(" "),
        lockfile: None,
    };
    Report::new(target, scans.len(), findings, not_evaluated)
}

/// One line per package, then its findings. A partly analysed package (`not_evaluated`) never
/// reads as clean: without findings it is `not evaluated`; with a suspicious or malicious
/// verdict that verdict stays (a lower bound) and is marked `incomplete`.
fn print_human(scans: &[PackageScan]) {
    for s in scans {
        let incomplete = !s.not_evaluated.is_empty();
        if incomplete && s.verdict == Verdict::Clean {
            let style = anstyle::AnsiColor::Yellow.on_default().bold();
            anstream::println!(
                "{}: {style}not evaluated{style:#} (incomplete scan: {} files, {} bytes read)",
                safe(&s.package),
                s.files,
                s.bytes
            );
        } else {
            print_verdict(s, incomplete);
        }
        print_findings(s);
    }
}

/// `<package>: <verdict> (score …)`, `incomplete, ` in the parentheses when `incomplete`.
fn print_verdict(s: &PackageScan, incomplete: bool) {
    let style = match s.verdict {
        Verdict::Malicious => anstyle::AnsiColor::Red.on_default().bold(),
        Verdict::Suspicious => anstyle::AnsiColor::Yellow.on_default().bold(),
        Verdict::Clean => anstyle::AnsiColor::Green.on_default(),
    };
    let note = if incomplete { "incomplete, " } else { "" };
    anstream::println!(
        "{}: {style}{}{style:#} ({note}score {}, {} files, {} bytes)",
        safe(&s.package),
        s.verdict.as_str(),
        s.score,
        s.files,
        s.bytes
    );
}

fn print_findings(s: &PackageScan) {
    for f in &s.findings {
        anstream::println!(
            "  {:<8} {} {}:{} {}",
            f.severity.as_str(),
            f.rule,
            safe(&f.file),
            f.line,
            safe(&f.message)
        );
        if !f.snippet.is_empty() {
            anstream::println!("           | {}", safe(&f.snippet));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_spec;

    #[test]
    fn specs() {
        assert_eq!(split_spec("debug@4.4.3"), Some(("debug", "4.4.3")));
        assert_eq!(
            split_spec("@scope/pkg@1.0.0"),
            Some(("@scope/pkg", "1.0.0"))
        );
        assert_eq!(split_spec("@scope/pkg"), None);
        assert_eq!(split_spec("debug@latest"), None);
    }
}
