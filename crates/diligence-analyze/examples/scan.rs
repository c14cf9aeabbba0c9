//! Minimal scanner front end (no CLI dependencies) for evaluation scripts and timing:
//! `cargo run --release -p diligence-analyze --example scan -- [--timing] TARGET…` prints one
//! JSON line per target: `{"target", "package", "verdict", "score", "ms", "rules"}`.

use diligence_analyze::{ScanOptions, scan_dir, scan_tarball};
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = ScanOptions::default();
    let mut failed = false;
    for target in args {
        let start = Instant::now();
        let path = Path::new(&target);
        let result = if path.is_dir() {
            scan_dir(path, &opts)
        } else {
            match std::fs::read(path) {
                Ok(bytes) => scan_tarball(&bytes, &target, &opts),
                Err(e) => {
                    eprintln!("error: {target}: {e}");
                    failed = true;
                    continue;
                }
            }
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(scan) => {
                let rules: Vec<String> = scan
                    .findings
                    .iter()
                    .filter(|f| f.severity > diligence_finding::Severity::Info)
                    .map(|f| format!("{}:{}:{}:{}", f.rule, f.severity, f.file, f.line))
                    .collect();
                let line = serde_json::json!({
                    "target": target, "package": scan.package, "verdict": scan.verdict,
                    "score": scan.score, "ms": (ms * 100.0).round() / 100.0, "bytes": scan.bytes, "rules": rules,
                });
                println!("{line}");
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed) * 2);
}
