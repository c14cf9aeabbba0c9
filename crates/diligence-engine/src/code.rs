//! The code layer: every package in scope, whatever its source, unpacked in memory and
//! statically analysed (`diligence-analyze`), one verdict per package.
//!
//! What is reported, the same for every command:
//! - all code findings of a package whose verdict is `suspicious` or `malicious`; for a
//!   `clean` verdict only the high and critical ones (a capability alone does not fail a run,
//!   a high finding is never hidden by the verdict);
//! - a package whose analysis stopped part-way (truncated archive, a limit hit, an unparsable
//!   file) is **not evaluated** (its verdict is a lower bound), never clean;
//! - a tarball whose bytes do not match the lockfile or packument integrity is a
//!   `registry/tarball-integrity` finding, and the registry's own bytes for the version are
//!   scanned instead;
//! - with a full packument, `metadata/manifest-confusion` compares the registry's version
//!   document with the tarball's `package.json`;
//! - for a version change (`diff`, `install`), only the findings the old version did not
//!   have, plus the file delta between the two tarballs and the `diff/…` delta rules.

use crate::sources::{Code, Obtained, SourceCx, obtain};
use diligence_analyze::{CodeFinding, PackageFile, PackageScan, ScanOptions, Verdict};
use diligence_diff::delta::{FileDelta, file_delta, new_code_findings};
use diligence_diff::{ChangeKind, PackageChange};
use diligence_finding::{Finding, FindingLocation, NotEvaluated, PackageVerdict, Severity};
use diligence_graph::{Package, Source};
use rayon::prelude::*;

/// One package to scan; `change` is its pull-request change for deltas.
pub(crate) struct Job<'a> {
    pub package: &'a Package,
    pub change: Option<&'a PackageChange>,
}

/// The layer's results.
#[derive(Default)]
pub(crate) struct CodeResults {
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
    pub verdicts: Vec<PackageVerdict>,
    /// `(name, version, file delta)` of version changes, for the `diff/version-changed`
    /// evidence.
    pub deltas: Vec<(String, String, FileDelta)>,
}

impl CodeResults {
    fn add(&mut self, other: CodeResults) {
        self.findings.extend(other.findings);
        self.not_evaluated.extend(other.not_evaluated);
        self.verdicts.extend(other.verdicts);
        self.deltas.extend(other.deltas);
    }
}

/// A package scanned: the scan, its `package.json`, and its files when a delta needs them.
pub(crate) struct Scanned {
    pub scan: PackageScan,
    pub package_json: Option<serde_json::Value>,
    pub files: Option<Vec<PackageFile>>,
}

/// Scans the jobs in `pool` (sized to the registry client's concurrency: the work mostly
/// waits on downloads). Results come back in job order.
pub(crate) fn run(
    cx: &SourceCx<'_>,
    jobs: &[Job<'_>],
    pool: &rayon::ThreadPool,
    progress: bool,
) -> CodeResults {
    let bar = diligence_registry::progress::bar(jobs.len() as u64, "tarballs", progress);
    let parts: Vec<CodeResults> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let r = one(cx, job);
                bar.inc(1);
                r
            })
            .collect()
    });
    bar.finish_and_clear();
    let mut out = CodeResults::default();
    for part in parts {
        out.add(part);
    }
    out
}

fn one(cx: &SourceCx<'_>, job: &Job<'_>) -> CodeResults {
    let p = job.package;
    let mut out = CodeResults::default();
    let what = format!("code scan of {}", p.id_string());
    let delta_old = job.change.and_then(|c| match (&c.kind, &c.old) {
        (ChangeKind::VersionChanged { .. }, Some(old)) => Some(old),
        _ => None,
    });
    let (findings, obtained) = obtain(cx, p);
    out.findings.extend(findings);
    let obtained = match obtained {
        Ok(Some(o)) => o,
        Ok(None) => return out,
        Err(why) => {
            out.not_evaluated.push(NotEvaluated::new(what, why));
            return out;
        }
    };
    let scanned = match scan(&obtained, &p.id_string(), delta_old.is_some()) {
        Ok(s) => s,
        Err(why) => {
            out.not_evaluated.push(NotEvaluated::new(what, why));
            return out;
        }
    };
    let mut confused = false;
    match (&obtained.registry_manifest, &scanned.package_json) {
        (Some(Ok(manifest)), Some(pj)) => {
            if let Some(f) = diligence_metadata::check_manifest_confusion(manifest, pj) {
                out.findings.push(f.at(cx.file.clone(), p.location.line));
                confused = true;
            }
        }
        (Some(Err(why)), _) => out.not_evaluated.push(NotEvaluated::for_rule(
            &diligence_metadata::rules::manifest_confusion::MANIFEST_CONFUSION,
            &p.id_string(),
            why.clone(),
        )),
        // No full document (the default): compare what the listed one has.
        (None, Some(pj)) => {
            if let Some(listed) = &obtained.listed_manifest
                && let Some(f) = diligence_metadata::check_manifest_confusion_listed(listed, pj)
            {
                out.findings.push(f.at(cx.file.clone(), p.location.line));
                confused = true;
            }
        }
        _ => {}
    }
    let mut code = keep(&scanned.scan);
    // One cause, one finding: the analyser's manifest comparison restates the metadata rule's.
    if confused {
        code.retain(|f| f.rule != "code/manifest-confusion");
    }
    if let (Some(old), Some(change)) = (delta_old, job.change) {
        match old_side(cx, old) {
            Ok(old_scanned) => {
                let kept: Vec<CodeFinding> = new_code_findings(&old_scanned.scan, &scanned.scan);
                code.retain(|f| kept.contains(f));
                if let (Some(a), Some(b)) = (&old_scanned.files, &scanned.files) {
                    let delta = file_delta(a, b);
                    for (_, check) in &diligence_diff::rules::DELTA_RULES {
                        out.findings.extend(check(change, &delta));
                    }
                    out.deltas.push((p.name.clone(), p.version.clone(), delta));
                }
            }
            Err(why) => out.not_evaluated.push(NotEvaluated::new(
                format!("code scan of {} (old side of the delta)", old.id_string()),
                why,
            )),
        }
    }
    out.findings
        .extend(to_findings(&scanned.scan, &code, p, &cx.file));
    if !scanned.scan.not_evaluated.is_empty() {
        out.not_evaluated
            .push(NotEvaluated::new(what, partial_reason(&scanned.scan)));
    }
    out.verdicts
        .push(verdict(&scanned.scan, p, source_kind(&p.source)));
    out
}

fn old_side(cx: &SourceCx<'_>, old: &Package) -> Result<Scanned, String> {
    let (_, obtained) = obtain(cx, old);
    let obtained = obtained?.ok_or("not a dependency")?;
    scan(&obtained, &old.id_string(), true)
}

/// Unpacks and scans (or reads the scan cache). `keep_files`: return the files for a delta
/// (bypasses the cache). With a registry manifest (full packuments, `--metadata`) the
/// analyser's manifest rules compare it with the tarball's package.json, and the scan is
/// cached under its own key.
pub(crate) fn scan(obtained: &Obtained, label: &str, keep_files: bool) -> Result<Scanned, String> {
    let mut opts = ScanOptions::default();
    if let Some(Ok(manifest)) = &obtained.registry_manifest {
        opts.registry_manifest = serde_json::to_value(manifest).ok();
    }
    let with_manifest = opts.registry_manifest.is_some();
    // Written under each verified hash, so a reader holding only some of them (a lockfile's
    // sha512 where the registry gave sha512 + sha1, `hunt`) finds it; read only by the
    // strongest algorithm held (see scan_cache::read_keys).
    let key = obtained.cache_key.as_deref().filter(|_| !keep_files);
    let root = cache_root();
    let cache_files: Vec<std::path::PathBuf> = key
        .map(|key| crate::scan_cache::files(root.as_deref(), key, with_manifest))
        .unwrap_or_default();
    let read_files: Vec<std::path::PathBuf> = key
        .map(|key| crate::scan_cache::read_files(root.as_deref(), key, with_manifest))
        .unwrap_or_default();
    if let Some(cached) = read_files.iter().find_map(|p| crate::scan_cache::read(p)) {
        return Ok(Scanned {
            scan: cached.scan,
            package_json: cached.package_json,
            files: None,
        });
    }
    let unpacked = match &obtained.code {
        Code::Tarball(bytes) => {
            if bytes.is_empty() {
                return Err("not an npm package: no package.json (empty file)".into());
            }
            diligence_analyze::archive::unpack_tarball(bytes, &opts.limits)
                .map_err(|e| format!("not a gzip-compressed tarball ({e})"))?
        }
        Code::Folder(dir) => diligence_analyze::archive::read_dir(dir, &opts.limits)
            .map_err(|e| format!("{}: {e}", dir.display()))?,
    };
    let package_json = unpacked
        .files
        .iter()
        .find(|f| f.path == "package.json")
        .map(|f| serde_json::from_slice(&f.bytes).unwrap_or(serde_json::Value::Null));
    if package_json.is_none() {
        return Err("not an npm package: no package.json".into());
    }
    let files = keep_files.then(|| unpacked.files.clone());
    let scan = analyse(unpacked, label, &opts)?;
    if !cache_files.is_empty() {
        crate::scan_cache::write_all(
            &cache_files,
            &crate::scan_cache::Cached {
                scan: scan.clone(),
                package_json: package_json.clone(),
            },
        );
    }
    Ok(Scanned {
        scan,
        package_json,
        files,
    })
}

/// [`diligence_analyze::scan_unpacked`], with a panic inside the analyser turned into a
/// reason the package is not evaluated (fail closed: one package's bytes must not stop the
/// whole run, nor pass as clean).
pub(crate) fn analyse(
    unpacked: diligence_analyze::archive::Unpacked,
    label: &str,
    opts: &diligence_analyze::ScanOptions,
) -> Result<PackageScan, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        diligence_analyze::scan_unpacked(unpacked, label, opts)
    }))
    .map_err(|panic| {
        format!(
            "internal error in the code analysis: {}",
            panic_message(panic.as_ref())
        )
    })
}

/// The message of a panic payload (`panic!("…")` carries a `&str` or a `String`; anything else
/// gives an empty message).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

fn cache_root() -> Option<std::path::PathBuf> {
    diligence_registry::Cache::default_location().map(|c| c.root().to_path_buf())
}

/// The code findings reported for a scan (see the module docs).
pub(crate) fn keep(scan: &PackageScan) -> Vec<CodeFinding> {
    let keep_all = scan.verdict != Verdict::Clean;
    scan.findings
        .iter()
        .filter(|f| keep_all || f.severity >= Severity::High)
        .cloned()
        .collect()
}

/// Report findings for `code` of `p`: located in the package file (`location.file` is the
/// path inside the package), or at the lockfile entry when the finding has no file; the
/// verdict and score in the evidence.
pub(crate) fn to_findings(
    scan: &PackageScan,
    code: &[CodeFinding],
    p: &Package,
    lockfile: &str,
) -> Vec<Finding> {
    code.iter()
        .map(|f| f.to_finding(&p.name, &p.version))
        .map(|mut f| {
            if f.location.as_ref().is_none_or(|l| l.file.is_empty()) {
                f.location = Some(FindingLocation {
                    file: lockfile.to_string(),
                    line: p.location.line,
                });
            }
            if let serde_json::Value::Object(map) = &mut f.evidence {
                map.insert("verdict".into(), scan.verdict.as_str().into());
                map.insert("score".into(), scan.score.into());
            }
            f
        })
        .collect()
}

/// `<first reasons> (and N more)` of a partly analysed package.
pub(crate) fn partial_reason(scan: &PackageScan) -> String {
    let shown: Vec<String> = scan
        .not_evaluated
        .iter()
        .take(3)
        .map(|ne| format!("{}: {}", ne.what, ne.why))
        .collect();
    let more = scan.not_evaluated.len().saturating_sub(3);
    let mut why = format!(
        "analysis stopped part-way ({} files, {} bytes read): {}",
        scan.files,
        scan.bytes,
        shown.join("; ")
    );
    if more > 0 {
        why.push_str(&format!(" (and {more} more)"));
    }
    why
}

/// The verdict record of a scan.
pub(crate) fn verdict(scan: &PackageScan, p: &Package, source: &str) -> PackageVerdict {
    PackageVerdict {
        package: diligence_finding::PackageRef {
            name: p.name.clone(),
            version: p.version.clone(),
        },
        verdict: scan.verdict.as_str().to_string(),
        score: scan.score,
        weak_signals: weak_signals(scan),
        files: scan.files,
        bytes: scan.bytes,
        complete: scan.not_evaluated.is_empty(),
        source: source.to_string(),
        integrity: None,
    }
}

/// The SRI string (`sha512-<base64>`) of a tarball, as npm writes `integrity`.
pub(crate) fn sri_sha512(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Findings that are weak signals: medium or low (the analyser's own count once it reports
/// one).
fn weak_signals(scan: &PackageScan) -> usize {
    scan.findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Medium | Severity::Low))
        .count()
}

fn source_kind(source: &Source) -> &'static str {
    match source {
        Source::Patch { original, .. } => source_kind(original),
        other => other.kind(),
    }
}
