//! Runs the packument rules on one version of a packument JSON file (default: `latest`) and
//! prints the findings and not-evaluated records, one per line.
//!
//! `cargo run -p diligence-metadata --example check_packument -- express.json [4.18.2]`

use diligence_metadata::{MetadataPolicy, check_package};
use diligence_packument::Packument;
use std::time::SystemTime;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: check_packument <packument.json> [version]");
        std::process::exit(2);
    };
    let packument = match std::fs::read(&path).map(|b| Packument::from_slice(&b)) {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => {
            eprintln!("{path}: invalid packument: {e}");
            std::process::exit(2);
        }
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            std::process::exit(2);
        }
    };
    let version = args
        .next()
        .or_else(|| packument.dist_tags.get("latest").cloned())
        .unwrap_or_default();
    let (findings, ne) = check_package(
        &packument,
        &version,
        SystemTime::now(),
        &MetadataPolicy::default(),
    );
    for f in findings {
        println!("finding\t{}\t{}", f.rule, f.message);
    }
    for n in ne {
        println!("not-evaluated\t{}\t{}", n.what, n.why);
    }
}
