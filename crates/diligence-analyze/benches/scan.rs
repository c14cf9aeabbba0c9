//! Scan speed on the shared malicious-dev corpus: every sample (folder, in memory) and the
//! 2,150-line webpack bundle (`schema-lint-cli`) alone. Run with
//! `cargo bench -p diligence-analyze`. Large real tarballs (typescript, prettier) are timed with
//! the `scan` example instead, since the corpus must not hold them.

use diligence_analyze::{PackageFile, ScanOptions, archive, scan_files};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    diligence_testkit::corpus("malicious-dev").expect("shared corpus: checked in main")
}

fn load(sample: &str) -> Vec<PackageFile> {
    archive::read_dir(&corpus().join(sample), &archive::ArchiveLimits::default())
        .map(|u| u.files)
        .unwrap_or_default()
}

fn samples() -> Vec<(String, Vec<PackageFile>)> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let files = load(&n);
            (n, files)
        })
        .collect()
}

#[divan::bench]
fn whole_dev_set(bencher: divan::Bencher) {
    let all = samples();
    let opts = ScanOptions::default();
    bencher.bench(|| {
        for (name, files) in &all {
            divan::black_box(scan_files(files.clone(), Vec::new(), name, &opts));
        }
    });
}

#[divan::bench]
fn webpack_bundle(bencher: divan::Bencher) {
    let files = load("schema-lint-cli-3.8.0");
    let opts = ScanOptions::default();
    bencher.bench(|| {
        divan::black_box(scan_files(
            files.clone(),
            Vec::new(),
            "schema-lint-cli",
            &opts,
        ))
    });
}

fn main() {
    // Without the shared corpus (a user's clone) the testkit prints one line; nothing to time.
    if diligence_testkit::corpus("malicious-dev").is_none() {
        return;
    }
    divan::main();
}
