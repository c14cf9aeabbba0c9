//! Debugging front end: `cargo run --release -p diligence-analyze --example explain -- TARGET…`
//! prints every finding (rule, severity, place, message, evidence) of each target.

use diligence_analyze::{ScanOptions, scan_dir, scan_tarball};
use std::path::Path;

fn main() {
    let opts = ScanOptions::default();
    for target in std::env::args().skip(1) {
        let path = Path::new(&target);
        let result = if path.is_dir() {
            scan_dir(path, &opts)
        } else {
            match std::fs::read(path) {
                Ok(bytes) => scan_tarball(&bytes, &target, &opts),
                Err(e) => {
                    eprintln!("error: {target}: {e}");
                    continue;
                }
            }
        };
        match result {
            Ok(scan) => {
                println!("== {target}: {:?} score {}", scan.verdict, scan.score);
                for f in &scan.findings {
                    println!(
                        "  {} {} {}:{}  {}\n    {:?}",
                        f.rule, f.severity, f.file, f.line, f.message, f.evidence
                    );
                }
            }
            Err(e) => eprintln!("error: {target}: {e}"),
        }
    }
}
