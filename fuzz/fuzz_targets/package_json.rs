//! Fuzz `package.json` reading: npm's reading in the analyser (manifest, lifecycle scripts,
//! entry points) and the lockfile layer's manifest, in bounded time and heap.
#![no_main]

use diligence_analyze::{PackageFile, ScanOptions, archive::parse_manifest, scan_files};
use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    bounded(data.len(), Budget::TEXT, || {
        let _ = parse_manifest(data);
        if let Ok(text) = std::str::from_utf8(data)
            && let Ok(m) = diligence_lockfile::Manifest::parse(text)
        {
            let _ = m.package_manager_name();
        }
        let files = vec![
            PackageFile {
                path: "package.json".into(),
                bytes: data.to_vec(),
            },
            PackageFile {
                path: "index.js".into(),
                bytes: b"module.exports = require('./lib/a.js')\n".to_vec(),
            },
        ];
        let scan = scan_files(files, Vec::new(), "fuzz", &ScanOptions::default());
        if parse_manifest(data).is_err() {
            assert!(!scan.not_evaluated.is_empty(), "an unreadable manifest must not be evaluated");
        }
    });
});
