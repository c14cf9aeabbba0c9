//! `diligence scan`: static analysis of package folders and tarballs, one verdict per package.
//!
//! Output per package (`--format json`, one JSON array):
//! `{"package", "verdict": "malicious|suspicious|clean", "score", "findings": [{"rule",
//! "severity", "file", "line", "snippet", "message"}]}`.
//!
//! Exit codes: 2 when a target could not be read (the others are still scanned and printed);
//! else 1 when any package is `suspicious` or `malicious` (score >= 10, see
//! `diligence_analyze::verdict`); else 0.

use crate::cli::{Format, ScanArgs};
use anyhow::{Context, Result, bail};
use diligence_analyze::{PackageScan, ScanOptions, Verdict};
use serde_json::json;
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
                anstream::eprintln!("error: {target}: {}", format!("{e:#}").replace('\n', " "));
            }
        }
    }
    match args.format {
        Format::Json => print_json(&scans)?,
        Format::Human => print_human(&scans),
    }
    if failed {
        return Ok(2);
    }
    Ok(u8::from(
        scans.iter().any(|s| s.verdict >= Verdict::Suspicious),
    ))
}

fn scan_target(target: &str, opts: &ScanOptions) -> Result<PackageScan> {
    let path = Path::new(target);
    if path.is_dir() {
        return Ok(diligence_analyze::scan_dir(path, opts)?);
    }
    if path.is_file() {
        let bytes = std::fs::read(path).with_context(|| "cannot read tarball".to_string())?;
        return Ok(diligence_analyze::scan_tarball(&bytes, target, opts)?);
    }
    if looks_like_spec(target) {
        bail!(
            "name@version targets are not supported yet: download the tarball (`npm pack {target}`) and scan the .tgz"
        );
    }
    bail!("no such file or folder")
}

fn looks_like_spec(t: &str) -> bool {
    let body = t.strip_prefix('@').unwrap_or(t);
    body.contains('@') && !t.contains(std::path::MAIN_SEPARATOR)
}

fn print_json(scans: &[PackageScan]) -> Result<()> {
    let out: Vec<_> = scans
        .iter()
        .map(|s| {
            json!({
                "package": s.package,
                "verdict": s.verdict,
                "score": s.score,
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
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

fn print_human(scans: &[PackageScan]) {
    for s in scans {
        let style = match s.verdict {
            Verdict::Malicious => anstyle::AnsiColor::Red.on_default().bold(),
            Verdict::Suspicious => anstyle::AnsiColor::Yellow.on_default().bold(),
            Verdict::Clean => anstyle::AnsiColor::Green.on_default(),
        };
        anstream::println!(
            "{}: {style}{}{style:#} (score {}, {} files, {} bytes)",
            s.package,
            s.verdict.as_str(),
            s.score,
            s.files,
            s.bytes
        );
        for f in &s.findings {
            anstream::println!(
                "  {:<8} {} {}:{} {}",
                f.severity.as_str(),
                f.rule,
                f.file,
                f.line,
                f.message
            );
            if !f.snippet.is_empty() {
                anstream::println!("           | {}", f.snippet);
            }
        }
    }
}
