//! Peak memory of reading a synthetic packument with many versions, one way per process:
//!
//! ```text
//! cargo run --release -p diligence-registry --example packument_memory -- <way> <versions>
//! ```
//! `<way>`: `full` (the whole `Packument`, no limit), `full-limited` (with the default
//! 100,000-version limit), `lean` (dists only, no limit), `lean-limited`. Prints the
//! outcome, the body size, the time and the peak resident set (`VmHWM`).

use diligence_packument::Packument;
use std::time::Instant;

fn body(versions: usize) -> Vec<u8> {
    let mut out = String::from(r#"{"name":"big","dist-tags":{"latest":"1.0.0"},"versions":{"#);
    for i in 0..versions {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#""1.0.{i}":{{"name":"big","version":"1.0.{i}","dependencies":{{"a":"^1.0.0","b":"^2.0.0"}},"scripts":{{"test":"node t"}},"dist":{{"tarball":"https://registry.npmjs.org/big/-/big-1.0.{i}.tgz","integrity":"sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==","shasum":"574c8138ce1d2b5861f0b44579dbadd60c6615b2"}}}}"#
        ));
    }
    out.push_str("}}");
    out.into_bytes()
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let way = args.get(1).map(String::as_str).unwrap_or("lean-limited");
    let n: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let bytes = body(n);
    let limit = diligence_packument::DEFAULT_MAX_VERSIONS;
    let started = Instant::now();
    let outcome = match way {
        "full" => Packument::from_slice(&bytes)
            .map(|p| format!("{} versions", p.versions.len()))
            .unwrap_or_else(|e| format!("error: {e}")),
        "full-limited" => Packument::from_slice_limited(&bytes, limit)
            .map(|p| format!("{} versions", p.versions.len()))
            .unwrap_or_else(|e| format!("error: {e}")),
        "lean" => diligence_registry::lean::parse_dists(&bytes)
            .map(|p| format!("{} versions", p.versions.len()))
            .unwrap_or_else(|e| format!("error: {e}")),
        _ => diligence_registry::lean::parse_dists_limited(&bytes, limit)
            .map(|p| format!("{} versions", p.versions.len()))
            .unwrap_or_else(|e| format!("error: {e}")),
    };
    println!(
        "{way} {n} versions: {outcome}; body {:.0} MiB, {:.2} s, peak RSS {:.0} MiB",
        bytes.len() as f64 / 1048576.0,
        started.elapsed().as_secs_f64(),
        peak_rss_kib() as f64 / 1024.0
    );
}
