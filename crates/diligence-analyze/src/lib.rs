//! Static analysis of npm package code, without ever running it.
//!
//! The pipeline for one package:
//! 1. [`archive`]: unpack a `.tgz` in memory exactly as npm 11 installs it (or read a folder
//!    read-only) under hard limits; files over the in-memory limit are streamed (hashed,
//!    classified, their strings searched); every limit hit, `..` path, absolute path, link,
//!    duplicate or header npm reads past becomes a `code/archive-anomaly` finding, never a
//!    crash and never a write.
//! 2. [`classify`]: decide what each file *is* from its bytes (magic numbers and sniffing), not
//!    from its extension.
//! 3. [`js`] (oxc parser + oxc semantic) and [`text`] (aho-corasick indicators over every text
//!    file whatever its name) turn files into [`signal::Signal`]s: capabilities (network,
//!    process spawn, filesystem, env, dynamic code, decipher, OS info) and threat atoms.
//!    Encoded literals (base64, hex, char codes, XOR tables, reversed strings, invisible
//!    Unicode) are decoded and analysed again as code.
//! 4. [`scripts`] parses lifecycle scripts (`preinstall`, `install`, `postinstall`, `prepare`)
//!    and marks the files they run as install-time code.
//! 5. [`rules`]: one file per `code/…` rule turns signals into [`CodeFinding`]s.
//! 6. [`verdict`] combines findings into `malicious | suspicious | clean` with a score.
//!
//! Module layers (no cycles; `tests/module_layers.rs` checks it): the fact types
//! ([`signal`], [`finding`]) at the bottom; the analysers (`text`, `shell`, `js`, [`scripts`],
//! [`entry`]) fill them; [`pipeline`] drives the analysers; [`rules`] and [`verdict`] read the
//! facts; this root wires it together.
//!
//! Entry points: [`scan_tarball`], [`scan_dir`], [`scan_files`] and [`rules()`].

pub mod archive;
pub mod classify;
mod decode;
pub mod entry;
pub mod finding;
pub mod flow;
mod js;
pub mod pipeline;
pub mod rules;
pub mod scripts;
mod shell;
pub mod signal;
mod text;
pub mod verdict;

use diligence_finding::{Finding, NotEvaluated};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub use archive::{ArchiveLimits, LargeFile, PackageFile, Unpacked};
pub use finding::{CapabilityUse, CodeFinding, Evidence};
pub use pipeline::ScanOptions;
pub use rules::rules;
pub use verdict::Verdict;

/// The result of scanning one package; serde round-trips so callers can cache it by integrity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageScan {
    /// `name@version` from `package.json` (or the target's name when it has none).
    pub package: String,
    pub verdict: Verdict,
    /// Combined score (see [`verdict`]); 0 for clean packages without threats.
    pub score: u32,
    /// Findings sorted by severity (descending), file, line.
    pub findings: Vec<CodeFinding>,
    /// How many findings are weak signals (`medium` or `low`; see
    /// [`verdict::weak_signals`]): a clean package with weak signals is reported as
    /// `clean (N weak signals)`, never as bare `clean`.
    #[serde(default)]
    pub weak_signals: usize,
    /// First use of each capability per file.
    pub capabilities: Vec<CapabilityUse>,
    /// Number of files looked at, and their total size in bytes.
    pub files: usize,
    pub bytes: u64,
    /// What could not be analysed (truncated archive, a limit hit, a file too deeply nested
    /// to parse), as the report's one [`NotEvaluated`] record: `what` is the path inside the
    /// package (`archive` for the tarball as a whole), `why` the reason. Non-empty means the
    /// verdict covers only part of the package: callers must not treat it as clean
    /// (`diligence scan` exits 2).
    #[serde(default)]
    pub not_evaluated: Vec<NotEvaluated>,
}

impl PackageScan {
    /// Converts the code findings to report findings for `name@version` (see
    /// [`CodeFinding::to_finding`]).
    pub fn to_findings(&self, name: &str, version: &str) -> Vec<Finding> {
        self.findings
            .iter()
            .map(|f| f.to_finding(name, version))
            .collect()
    }
}

/// Errors that stop a scan before any file is analysed.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The target could not be read at all.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not a gzip-compressed tar archive.
    #[error("{path}: not a gzip-compressed tarball ({reason})")]
    NotATarball { path: String, reason: String },
}

/// Scans a gzip-compressed npm tarball held in memory. `label` names it in errors and in
/// `package` when the tarball has no readable `package.json`.
///
/// The tarball is read as npm 11 installs it (see [`archive`]). Errors only when the bytes
/// are neither gzip nor tar; truncated or hostile archives yield `code/archive-anomaly`
/// findings on the files that could be read, and `not_evaluated` entries when part of the
/// package was not read.
pub fn scan_tarball(
    bytes: &[u8],
    label: &str,
    opts: &ScanOptions,
) -> Result<PackageScan, ScanError> {
    let unpacked =
        archive::unpack_tarball(bytes, &opts.limits).map_err(|reason| ScanError::NotATarball {
            path: label.to_string(),
            reason,
        })?;
    Ok(scan_unpacked(unpacked, label, opts))
}

/// Scans a package folder on disk (the root that holds `package.json`), read-only, without
/// following symlinks. `label.json` answer keys and `registry-manifest.json` files at the root
/// are not package content and are skipped (the latter is loaded as the registry manifest
/// when `opts.registry_manifest` is `None`).
pub fn scan_dir(path: &Path, opts: &ScanOptions) -> Result<PackageScan, ScanError> {
    let read = archive::read_dir(path, &opts.limits).map_err(|source| ScanError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut with_manifest;
    let opts = match (
        &opts.registry_manifest,
        std::fs::read(path.join("registry-manifest.json")),
    ) {
        (None, Ok(bytes)) => {
            with_manifest = opts.clone();
            with_manifest.registry_manifest = serde_json::from_slice(&bytes).ok();
            &with_manifest
        }
        _ => opts,
    };
    let label = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(scan_unpacked(read, &label, opts))
}

/// Scans files already in memory (paths relative to the package root).
pub fn scan_files(
    files: Vec<PackageFile>,
    anomalies: Vec<archive::Anomaly>,
    label: &str,
    opts: &ScanOptions,
) -> PackageScan {
    scan_unpacked(
        Unpacked {
            files,
            large: Vec::new(),
            anomalies,
        },
        label,
        opts,
    )
}

/// Scans what [`archive::unpack_tarball`] or [`archive::read_dir`] read, streamed large files
/// included. A `package.json` that is missing or cannot be parsed as npm parses it (see
/// [`archive::parse_manifest`]) makes the scan not evaluated: its scripts and entry points
/// are unknown.
pub fn scan_unpacked(unpacked: Unpacked, label: &str, opts: &ScanOptions) -> PackageScan {
    let Unpacked {
        files,
        large,
        anomalies,
    } = unpacked;
    let mut not_evaluated: Vec<NotEvaluated> = anomalies
        .iter()
        .filter(|a| a.stops_analysis())
        .map(|a| {
            let what = if a.path.is_empty() {
                "archive"
            } else {
                &a.path
            };
            NotEvaluated::new(what, &a.what)
        })
        .collect();
    match files.iter().find(|f| f.path == "package.json") {
        None => not_evaluated.push(NotEvaluated::new(
            "package.json",
            "missing (npm reads the package from it)",
        )),
        Some(f) => {
            if let Err(e) = archive::parse_manifest(&f.bytes) {
                not_evaluated.push(NotEvaluated::new(
                    "package.json",
                    format!(
                        "cannot be parsed as npm parses it ({e}): scripts and entry points not \
                         read"
                    ),
                ));
            }
        }
    }
    let facts = pipeline::collect_all(files, large, anomalies, opts);
    not_evaluated.extend(
        facts
            .all(signal::Kind::Unparsed)
            .map(|(f, s)| NotEvaluated::new(&f.path, &s.detail)),
    );
    let package = facts
        .package_id
        .clone()
        .unwrap_or_else(|| label.to_string());
    let mut findings = rules::check_all(&facts);
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.line.cmp(&b.line))
            .then_with(|| a.rule.cmp(&b.rule))
    });
    let (verdict, score) = verdict::combine(&findings);
    let weak_signals = verdict::weak_signals(&findings);
    PackageScan {
        package,
        verdict,
        score,
        weak_signals,
        findings,
        capabilities: facts.capability_uses(),
        files: facts.file_count,
        bytes: facts.total_bytes,
        not_evaluated,
    }
}
