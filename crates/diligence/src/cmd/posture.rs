//! `diligence posture [DIR]`: the package manager's supply-chain settings (release cooldown,
//! install-script policy, hardening switches, pinning), normalised to days/hours, with what to
//! add. Reads only configuration files; never runs the package manager.

use crate::cli::{PmArg, PostureArgs, PostureFormat};
use anyhow::{Result, bail};
use diligence_finding::{Finding, Report, Severity, Target};
use diligence_metadata::PackageManager;
use std::io::Write;

impl From<PmArg> for PackageManager {
    fn from(pm: PmArg) -> Self {
        match pm {
            PmArg::Npm => PackageManager::Npm,
            PmArg::Pnpm => PackageManager::Pnpm,
            PmArg::Yarn => PackageManager::Yarn,
            PmArg::Bun => PackageManager::Bun,
        }
    }
}

/// Runs `diligence posture`. A DIR that is not a folder is an error (exit 2).
pub fn run(args: PostureArgs) -> Result<u8> {
    if !args.dir.is_dir() {
        bail!("{}: not a folder", args.dir.display());
    }
    let findings = diligence_metadata::posture(&args.dir, args.pm.map(Into::into));
    let target = Target {
        path: args.dir.display().to_string(),
        lockfile: None,
    };
    let report = Report::new(target, 0, findings, Vec::new());
    let text = match args.format {
        PostureFormat::Json => {
            let mut buf = Vec::new();
            diligence_report::escape::write_json_pretty(&report, &mut buf)?;
            String::from_utf8(buf)? + "\n"
        }
        PostureFormat::Human => human(&args.dir, &report.findings),
    };
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(report.exit_code(args.fail_on) as u8)
}

fn human(dir: &std::path::Path, findings: &[Finding]) -> String {
    let mut out = format!("posture of {}\n", dir.display());
    for f in findings {
        let place = match &f.location {
            Some(l) if l.line > 0 => format!("{}:{}", l.file, l.line),
            Some(l) => l.file.clone(),
            None => String::new(),
        };
        let style = match f.severity {
            Severity::Info => anstyle::Style::new().dimmed(),
            _ => anstyle::AnsiColor::Yellow.on_default().bold(),
        };
        out.push_str(&format!(
            "  {style}{:<6}{style:#} {:<26} {}\n         {}\n",
            f.severity.as_str(),
            f.rule,
            place,
            f.message
        ));
    }
    out
}
