//! `diligence scan --stdin --format ndjson`: the streaming worker for registry-scale scanning.
//!
//! Reads targets from stdin, one per line (`name@version`, an `http(s)://` tarball URL, a
//! `.tgz` path or a package folder; blank lines and lines starting with `#` are skipped), and
//! writes one JSON object per line to stdout as each package finishes (completion order, not
//! input order). Every input line that is scanned gets exactly one output line; a target that
//! cannot be fetched or read is an `"status": "error"` record, and a panic while scanning one
//! package is caught and reported the same way, so one bad package never ends the stream.
//!
//! Each line goes through the engine exactly as `diligence scan <target>` does (same layers,
//! `diligence.toml` of `--dir`, `.npmrc`, flags and policy), so a record says what `scan` says
//! about that package. A record (`diligence.scan-record/1`):
//!
//! ```json
//! {"schema":"diligence.scan-record/1","seq":3,"spec":"ms@2.1.3","status":"ok",
//!  "package":"ms@2.1.3","name":"ms","version":"2.1.3","verdict":"clean","score":0,
//!  "integrity":"sha512-…","source":"registry","files":4,"bytes":6923,
//!  "findings":[{"rule","severity","file","line","message","snippet"}],"not_evaluated":[],
//!  "error":null,"exit_code":0,"timings":{"total_ms":4.6}}
//! ```
//!
//! - `seq`: the 1-based number of the line in the input (blank and comment lines counted), so
//!   a caller can match records to what it sent.
//! - `status`: `ok` (fully analysed), `incomplete` (partly analysed: `not_evaluated` says
//!   what was not read; the verdict is a lower bound, never "clean"), `error` (not analysed:
//!   `error` says why; `verdict` is `null`).
//! - `integrity`: the SRI sha512 of the tarball bytes that were analysed (for `name@version`
//!   they were verified against the packument's `dist.integrity` first); `null` for folders.
//! - `exit_code`: what `diligence scan <target>` would exit with (0, 1 at or above
//!   `--fail-on`, 2 not evaluated).
//! - `timings.total_ms`: download (or cache/file read), inflate, untar, parse and rules.
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
//! Exit code when stdin ends, as for `scan` over all the targets: 1 when any record's is 1;
//! else 2 when any is 2; else 0.

use crate::cli::{ScanArgs, Shard};
use anyhow::{Result, bail};
use diligence_engine::{Command, Engine, Input, Run};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Whether `target` (a trimmed input line) belongs to `shard`.
fn owns(shard: Shard, target: &str) -> bool {
    fnv1a(target.as_bytes()) % shard.count == shard.index - 1
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
    if args.report.format != crate::cli::ReportFormat::Ndjson {
        bail!("--stdin writes one JSON line per package: pass --format ndjson");
    }
    if args.report.output.is_some() {
        bail!("--stdin writes to stdout: redirect it instead of --output");
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut settings =
        super::common::settings(Command::Scan, &args.dir, &args.report, &args.sources);
    settings.progress = false;
    let scanner = Scanner {
        engine: Engine::new(settings)?,
        dir: args.dir.clone(),
        warned: Mutex::new(HashSet::new()),
    };
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, String)>(jobs);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<Record>();
    let shard = args.shard;
    let (mut any_fail, mut any_unevaluated) = (false, false);
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
            any_fail |= record.exit_code == 1;
            any_unevaluated |= record.exit_code == 2;
            diligence_report::escape::write_json_line(&record.json, &mut out)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Ok(())
    })?;
    Ok(if any_fail {
        1
    } else {
        u8::from(any_unevaluated) * 2
    })
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
        if shard.is_some_and(|s| !owns(s, target)) {
            continue;
        }
        if tx.send((seq, target.to_string())).is_err() {
            break;
        }
    }
}

/// One output line and the exit code `scan <target>` would have.
struct Record {
    json: Value,
    exit_code: u8,
}

/// Scans one target at a time through the engine; shared by the worker threads.
struct Scanner {
    engine: Engine,
    dir: std::path::PathBuf,
    /// Warnings already printed (each once per stream, not once per package).
    warned: Mutex<HashSet<String>>,
}

impl Scanner {
    /// The record of one target; never panics the caller.
    fn record(&self, seq: u64, target: &str) -> Record {
        let started = Instant::now();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.engine
                .run(Input::packages(&self.dir, &[target.to_string()], None))
                .map_err(|e| e.to_string())
        }))
        .unwrap_or_else(|panic| {
            Err(format!(
                "internal error while scanning: {}",
                diligence_engine::panic_message(panic.as_ref())
            ))
        });
        let total_ms = ms(started);
        match run {
            Ok(run) => {
                self.warn_once(&run);
                record_of(seq, target, &run, total_ms)
            }
            Err(why) => Record {
                json: error_record(seq, target, &why, total_ms),
                exit_code: 2,
            },
        }
    }

    fn warn_once(&self, run: &Run) {
        let mut warned = self.warned.lock().unwrap_or_else(|e| e.into_inner());
        super::common::print_warnings_once(run, &mut warned);
    }
}

/// The record of one engine run over one target.
fn record_of(seq: u64, target: &str, run: &Run, total_ms: f64) -> Record {
    let report = &run.report;
    let whys: Vec<&str> = report
        .not_evaluated
        .iter()
        .map(|ne| ne.why.as_str())
        .collect();
    let Some(v) = report.packages.first() else {
        let why = if whys.is_empty() {
            "not scanned".to_string()
        } else {
            whys.join("; ")
        };
        return Record {
            json: error_record(seq, target, &why, total_ms),
            exit_code: 2,
        };
    };
    let status = if v.complete { "ok" } else { "incomplete" };
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let (file, line) = f
                .location
                .as_ref()
                .map_or((None, None), |l| (Some(l.file.as_str()), Some(l.line)));
            json!({
                "rule": f.rule,
                "severity": f.severity,
                "file": file,
                "line": line,
                "message": f.message,
                "snippet": f.evidence.get("snippet").and_then(Value::as_str).unwrap_or(""),
            })
        })
        .collect();
    let json = json!({
        "schema": "diligence.scan-record/1",
        "seq": seq,
        "spec": target,
        "status": status,
        "package": format!("{}@{}", v.package.name, v.package.version),
        "name": v.package.name,
        "version": v.package.version,
        "verdict": v.verdict,
        "score": v.score,
        "integrity": v.integrity,
        "source": v.source,
        "files": v.files,
        "bytes": v.bytes,
        "findings": findings,
        "not_evaluated": whys,
        "error": null,
        "exit_code": run.exit_code(),
        "timings": {"total_ms": total_ms},
    });
    Record {
        json,
        exit_code: run.exit_code(),
    }
}

/// The record of a target that could not be scanned at all.
fn error_record(seq: u64, target: &str, why: &str, total_ms: f64) -> Value {
    json!({
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
        "source": null,
        "files": null,
        "bytes": null,
        "findings": [],
        "not_evaluated": [why],
        "error": why.replace('\n', " "),
        "exit_code": 2,
        "timings": {"total_ms": total_ms},
    })
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
            assert_eq!(shards.iter().filter(|s| owns(**s, target)).count(), 1);
        }
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        assert!("0/4".parse::<Shard>().is_err());
        assert!("5/4".parse::<Shard>().is_err());
        assert!("4".parse::<Shard>().is_err());
        // FNV-1a 64 reference values (stable across releases).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
