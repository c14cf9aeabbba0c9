//! Debugging front end: `cargo run --release -p diligence-analyze --example explain -- TARGET…`
//! prints every finding (rule, severity, place, message, evidence) of each target; with
//! `SIGNALS=1`, a folder target's signals per file first.

use diligence_analyze::{ScanOptions, scan_dir, scan_tarball};
use std::path::Path;

fn main() {
    let opts = ScanOptions::default();
    for target in std::env::args().skip(1) {
        let path = Path::new(&target);
        if std::env::var_os("SIGNALS").is_some() && path.is_dir() {
            signals(path);
        }
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

fn walk(root: &Path, dir: &Path, out: &mut Vec<diligence_analyze::PackageFile>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(root, &p, out);
        } else if let (Ok(bytes), Ok(rel)) = (std::fs::read(&p), p.strip_prefix(root)) {
            out.push(diligence_analyze::PackageFile {
                path: rel.to_string_lossy().into_owned(),
                bytes,
            });
        }
    }
}

fn signals(root: &Path) {
    let mut files = Vec::new();
    walk(root, root, &mut files);
    let facts = diligence_analyze::pipeline::collect(files, Vec::new(), &ScanOptions::default());
    for f in &facts.files {
        println!(
            "-- {} ({:?}, install {}, reachable {})",
            f.path, f.kind, f.install_time, f.reachable
        );
        for s in &f.signals {
            println!("   {}:{} f{} {}", s.kind.as_str(), s.line, s.func, s.detail);
        }
    }
    for p in &facts.flows.paths {
        println!(
            "   path {:?} -> {:?} {}:{} -> {}:{}",
            p.source, p.sink, p.from.file, p.from.line, p.to.file, p.to.line
        );
    }
}
