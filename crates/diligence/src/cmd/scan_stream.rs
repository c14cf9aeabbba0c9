//! `diligence scan --stdin --format ndjson`: the streaming worker for registry-scale scanning.
//!
//! Reads targets from stdin, one per line (`name@version`, an `http(s)://` tarball URL, a
//! `.tgz` path or a package folder; blank lines and lines starting with `#` are skipped), and
//! writes one JSON object per line to stdout as each package finishes (completion order, not
//! input order). Every input line that is scanned gets exactly one output line; a target that
//! cannot be fetched or read is an `"status": "error"` record, and a panic while scanning one
//! package is caught and reported the same way, so one bad package never ends the stream.
//!
//! A record (`diligence.scan-record/1`):
//!
//! ```json
//! {"schema":"diligence.scan-record/1","seq":3,"spec":"ms@2.1.3","status":"ok",
//!  "package":"ms@2.1.3","name":"ms","version":"2.1.3","verdict":"clean","score":0,
//!  "integrity":"sha512-…","tarball_bytes":2967,"files":4,"bytes":6923,
//!  "findings":[{"rule","severity","file","line","message","snippet"}],"not_evaluated":[],
//!  "error":null,"timings":{"fetch_ms":1.2,"scan_ms":3.4,"total_ms":4.6}}
//! ```
//!
//! - `seq`: the 1-based number of the line in the input (blank and comment lines counted), so
//!   a caller can match records to what it sent.
//! - `status`: `ok` (fully analysed), `incomplete` (partly analysed: `not_evaluated` says
//!   what was not read; the verdict is a lower bound, never "clean"), `error` (not analysed:
//!   `error` says why; `verdict` is `null`).
//! - `integrity`: the SRI sha512 of the tarball bytes that were analysed (for `name@version`
//!   they were verified against the packument's `dist.integrity` first); `null` for folders.
//! - Timings in milliseconds: `fetch_ms` (download or cache/file read), `scan_ms` (inflate,
//!   untar, parse, rules).
//!
//! Concurrency: `--jobs N` worker threads (default: the number of CPUs) share one registry
//! client and its cache (tarballs content-addressed by integrity). Lines are read only as
//! workers free up (a queue of N lines), so memory stays bounded whatever the input size and a
//! producer writing faster than the workers scan is held back by the pipe (back-pressure).
//!
//! `--shard I/N` (1 ≤ I ≤ N) scans only the lines whose target hashes (FNV-1a 64, of the
//! trimmed line) to shard I: N processes over the same list scan disjoint sets that cover
//! it, whatever the order of the list.
//!
//! Exit codes when stdin ends, as for `scan`: 2 when any record is `error` or `incomplete`;
//! else 1 when any package is suspicious or malicious; else 0.

use crate::cli::ScanArgs;
use anyhow::{Context, Result, anyhow, bail};
use base64::Engine as _;
use diligence_analyze::{PackageScan, ScanOptions, Verdict};
use diligence_registry::{NpmConfig, RegistryClient};
use serde_json::{Value, json};
use sha2::Digest;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// `--shard I/N`: this process scans shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `I/N` with 1 ≤ I ≤ N.
    fn from_str(s: &str) -> Result<Shard, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?}: expected I/N, e.g. 1/4"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: I is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: N is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("{s:?}: expected 1 <= I <= N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether `target` (a trimmed input line) belongs to this shard.
    pub fn owns(&self, target: &str) -> bool {
        fnv1a(target.as_bytes()) % self.count == self.index - 1
    }
}

/// FNV-1a, 64 bits: stable across platforms and releases (unlike `std`'s hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Runs the worker until stdin ends. Errors only before the first line is read (a bad npm
/// configuration); everything after is a record.
pub fn run(args: &ScanArgs) -> Result<u8> {
    if !args.targets.is_empty() {
        bail!("--stdin reads its targets from stdin: give no targets on the command line");
    }
    if args.format != crate::cli::ReportFormat::Ndjson {
        bail!("--stdin writes one JSON line per package: pass --format ndjson");
    }
    if args.output.is_some() {
        bail!("--stdin writes to stdout: redirect it instead of --output");
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let scanner = Scanner::new()?;
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, String)>(jobs);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<Record>();
    let shard = args.shard;
    let mut worst = 0u8;
    std::thread::scope(|s| -> Result<()> {
        s.spawn(move || read_lines(work_tx, shard));
        for _ in 0..jobs {
            let (rx, tx, scanner) = (Arc::clone(&work_rx), done_tx.clone(), &scanner);
            s.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next line.
                    let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, target)) = next else { break };
                    if tx.send(scanner.record(seq, &target)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut out = std::io::stdout().lock();
        for record in done_rx {
            worst = worst.max(record.exit_code());
            serde_json::to_writer(&mut out, &record.json)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Ok(())
    })?;
    Ok(worst)
}

/// Feeds `(seq, target)` to the workers; blocks while the queue is full (back-pressure).
/// A line that is not UTF-8 is passed on as an error record's target.
fn read_lines(tx: mpsc::SyncSender<(u64, String)>, shard: Option<Shard>) {
    let stdin = std::io::stdin();
    let mut stdin = stdin.lock();
    let mut buf = Vec::new();
    let mut seq = 0u64;
    loop {
        buf.clear();
        match stdin.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        seq += 1;
        let line = String::from_utf8_lossy(&buf);
        let target = line.trim();
        if target.is_empty() || target.starts_with('#') {
            continue;
        }
        if shard.is_some_and(|s| !s.owns(target)) {
            continue;
        }
        if tx.send((seq, target.to_string())).is_err() {
            break;
        }
    }
}

/// One output line and what it means for the exit code.
struct Record {
    json: Value,
    status: &'static str,
    verdict: Option<Verdict>,
}

impl Record {
    fn exit_code(&self) -> u8 {
        match (self.status, self.verdict) {
            ("ok", Some(v)) if v >= Verdict::Suspicious => 1,
            ("ok", _) => 0,
            _ => 2,
        }
    }
}

/// What a target resolved to before analysis.
enum Fetched {
    Tarball {
        bytes: Vec<u8>,
        manifest: Option<Value>,
    },
    Dir(std::path::PathBuf),
}

/// Scans one target at a time; shared by the worker threads.
struct Scanner {
    opts: ScanOptions,
    /// Built on the first `name@version` or URL target, so a stream of local files needs no
    /// npm configuration.
    client: std::sync::OnceLock<Result<RegistryClient, String>>,
}

impl Scanner {
    fn new() -> Result<Scanner> {
        Ok(Scanner {
            opts: ScanOptions::default(),
            client: std::sync::OnceLock::new(),
        })
    }

    fn client(&self) -> Result<&RegistryClient> {
        self.client
            .get_or_init(|| {
                let npm = NpmConfig::load(Path::new("."))
                    .map_err(|e| format!("cannot read npm configuration: {e}"))?;
                super::wiring::warn_config(&npm);
                super::wiring::registry_client(false, false, npm, &Default::default())
                    .map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }

    /// The record of one target; never panics the caller.
    fn record(&self, seq: u64, target: &str) -> Record {
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.scan(target)))
            .unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(anyhow!("internal error while scanning: {why}"))
            });
        let total_ms = ms(started);
        match outcome {
            Ok((scan, integrity, tarball_bytes, fetch_ms, scan_ms)) => {
                let status = if scan.not_evaluated.is_empty() {
                    "ok"
                } else {
                    "incomplete"
                };
                let (name, version) = split_package(&scan.package);
                let json = json!({
                    "schema": "diligence.scan-record/1",
                    "seq": seq,
                    "spec": target,
                    "status": status,
                    "package": scan.package,
                    "name": name,
                    "version": version,
                    "verdict": scan.verdict,
                    "score": scan.score,
                    "integrity": integrity,
                    "tarball_bytes": tarball_bytes,
                    "files": scan.files,
                    "bytes": scan.bytes,
                    "findings": scan.findings.iter().map(|f| json!({
                        "rule": f.rule,
                        "severity": f.severity,
                        "file": f.file,
                        "line": f.line,
                        "message": f.message,
                        "snippet": f.snippet,
                    })).collect::<Vec<_>>(),
                    "not_evaluated": scan.not_evaluated,
                    "error": null,
                    "timings": {"fetch_ms": fetch_ms, "scan_ms": scan_ms, "total_ms": total_ms},
                });
                Record {
                    json,
                    status,
                    verdict: Some(scan.verdict),
                }
            }
            Err(e) => Record {
                json: json!({
                    "schema": "diligence.scan-record/1",
                    "seq": seq,
                    "spec": target,
                    "status": "error",
                    "package": null,
                    "name": null,
                    "version": null,
                    "verdict": null,
                    "score": null,
                    "integrity": null,
                    "tarball_bytes": null,
                    "files": null,
                    "bytes": null,
                    "findings": [],
                    "not_evaluated": [],
                    "error": format!("{e:#}").replace('\n', " "),
                    "timings": {"fetch_ms": null, "scan_ms": null, "total_ms": total_ms},
                }),
                status: "error",
                verdict: None,
            },
        }
    }

    /// `(scan, integrity, tarball bytes, fetch ms, scan ms)`.
    fn scan(&self, target: &str) -> Result<(PackageScan, Option<String>, Option<usize>, f64, f64)> {
        let started = Instant::now();
        let fetched = self.fetch(target)?;
        let fetch_ms = ms(started);
        let started = Instant::now();
        let (scan, integrity, size) = match fetched {
            Fetched::Dir(path) => (diligence_analyze::scan_dir(&path, &self.opts)?, None, None),
            Fetched::Tarball { bytes, manifest } => {
                let integrity = sri_sha512(&bytes);
                let size = bytes.len();
                let scan = if manifest.is_some() {
                    let mut opts = self.opts.clone();
                    opts.registry_manifest = manifest;
                    super::scan::scan_bytes(&bytes, target, &opts)?
                } else {
                    super::scan::scan_bytes(&bytes, target, &self.opts)?
                };
                (scan, Some(integrity), Some(size))
            }
        };
        Ok((scan, integrity, size, fetch_ms, ms(started)))
    }

    fn fetch(&self, target: &str) -> Result<Fetched> {
        if target.starts_with("https://") || target.starts_with("http://") {
            // The registry error names the URL, credentials redacted.
            let bytes = self.client()?.download(target)?;
            return Ok(Fetched::Tarball {
                bytes,
                manifest: None,
            });
        }
        let path = Path::new(target);
        if path.is_dir() {
            if !path.join("package.json").is_file() {
                bail!("{target}: not an npm package: no package.json");
            }
            return Ok(Fetched::Dir(path.to_path_buf()));
        }
        if path.is_file() {
            let bytes = std::fs::read(path).with_context(|| format!("{target}: cannot read"))?;
            return Ok(Fetched::Tarball {
                bytes,
                manifest: None,
            });
        }
        let Some((name, version)) = super::scan::split_spec(target) else {
            bail!("{target}: no such file or folder (and not a name@version spec or URL)");
        };
        let fetch = || -> Result<Fetched> {
            let client = self.client()?;
            let packument = client.packument(name)?;
            let manifest = packument
                .version(version)
                .with_context(|| format!("version {version} is not in the packument of {name}"))?;
            let bytes = client.fetch_tarball_of(name, manifest, None)?;
            Ok(Fetched::Tarball {
                bytes,
                manifest: Some(serde_json::to_value(manifest)?),
            })
        };
        fetch().with_context(|| target.to_string())
    }
}

/// `name@version` → (`name`, `version`); a scoped name keeps its `@`.
fn split_package(package: &str) -> (&str, &str) {
    match package.get(1..).and_then(|t| t.rfind('@')) {
        Some(at) => (&package[..at + 1], &package[at + 2..]),
        None => (package, ""),
    }
}

/// The SRI string (`sha512-<base64>`) of `bytes`, as npm writes `integrity`.
fn sri_sha512(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Milliseconds since `t`, to the microsecond.
fn ms(t: Instant) -> f64 {
    (t.elapsed().as_micros() as f64) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_input() {
        let shards: Vec<Shard> = (1..=3).map(|i| format!("{i}/3").parse().unwrap()).collect();
        for target in ["ms@2.1.3", "@types/node@22.0.0", "/tmp/x.tgz", "a@1.0.0"] {
            assert_eq!(shards.iter().filter(|s| s.owns(target)).count(), 1);
        }
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert!("0/4".parse::<Shard>().is_err());
        assert!("5/4".parse::<Shard>().is_err());
        assert!("4".parse::<Shard>().is_err());
        // FNV-1a 64 reference values (stable across releases).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn package_names() {
        assert_eq!(split_package("ms@2.1.3"), ("ms", "2.1.3"));
        assert_eq!(split_package("@types/ms@2.1.0"), ("@types/ms", "2.1.0"));
        assert_eq!(split_package("nameless"), ("nameless", ""));
    }
}
