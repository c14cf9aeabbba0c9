//! Benchmark and manual tool: cross-check one lockfile against the configured registry and
//! print timings.
//!
//! ```text
//! cargo run --release -p diligence-registry --example crosscheck -- \
//!     <lockfile> [--offline|--prefer-offline] [--tarballs] [--concurrency N] [--findings]
//! ```
//! Configuration comes from the lockfile's folder `.npmrc`, `~/.npmrc` and the environment;
//! the cache from `DILIGENCE_CACHE_DIR` (else the XDG cache dir).

use diligence_registry::{
    Cache, ClientOptions, CrosscheckOptions, Mode, NpmConfig, RegistryClient, crosscheck,
};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut lockfile: Option<PathBuf> = None;
    let mut options = ClientOptions::default();
    let mut check = CrosscheckOptions {
        progress: true,
        ..CrosscheckOptions::default()
    };
    let mut show_findings = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--offline" => options.mode = Mode::Offline,
            "--prefer-offline" => options.mode = Mode::PreferOffline,
            "--tarballs" => check.verify_tarballs = true,
            "--findings" => show_findings = true,
            "--concurrency" => {
                options.concurrency = args.next().ok_or("--concurrency needs a number")?.parse()?
            }
            other => lockfile = Some(PathBuf::from(other)),
        }
    }
    let lockfile = lockfile.ok_or("usage: crosscheck <lockfile> [options]")?;
    let started = Instant::now();
    let graph = diligence_lockfile::read_lockfile(&lockfile)?;
    let read = started.elapsed();
    let dir = lockfile.parent().map(PathBuf::from).unwrap_or_default();
    let config = NpmConfig::load(&dir)?;
    let client = RegistryClient::new(config, Cache::default_location(), options.clone())?;
    let names = graph
        .packages
        .iter()
        .filter(|p| p.source.kind() == "registry")
        .map(|p| p.name.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let t = Instant::now();
    let (findings, not_evaluated) = crosscheck(&graph, &client, &check);
    let elapsed = t.elapsed();
    println!(
        "{}: {} packages, {} distinct names; read {:.3}s; crosscheck {:.3}s ({:?}, concurrency {}, tarballs {}): {} findings, {} not evaluated; {:.1} packuments/s",
        lockfile.display(),
        graph.packages.len(),
        names,
        read.as_secs_f64(),
        elapsed.as_secs_f64(),
        options.mode,
        options.concurrency,
        check.verify_tarballs,
        findings.len(),
        not_evaluated.len(),
        names as f64 / elapsed.as_secs_f64(),
    );
    if show_findings {
        for f in &findings {
            println!("  {} {} {}", f.severity, f.rule, f.message);
        }
        for n in not_evaluated.iter().take(20) {
            println!("  not evaluated: {}: {}", n.what, n.why);
        }
    }
    Ok(())
}
