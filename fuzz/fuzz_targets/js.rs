//! Fuzz the JavaScript analysis (oxc parse, constant evaluation, decoders and re-analysis of
//! decoded strings, every code rule): any source gives a scan, in time and heap bounded by
//! its size.
#![no_main]

use diligence_analyze::{PackageFile, ScanOptions, scan_files};
use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

#[global_allocator]
static ALLOC: Counting = Counting;

const PJ: &[u8] = br#"{"name":"fuzz","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node index.js"}}"#;

fuzz_target!(|data: &[u8]| {
    let budget = Budget {
        heap_base: 64 << 20,
        heap_per_byte: 4096,
        cpu_base: Duration::from_secs(3),
        cpu_per_byte: Duration::from_millis(5),
    };
    bounded(data.len(), budget, || {
        let files = vec![
            PackageFile {
                path: "package.json".into(),
                bytes: PJ.to_vec(),
            },
            PackageFile {
                path: "index.js".into(),
                bytes: data.to_vec(),
            },
        ];
        let _ = scan_files(files, Vec::new(), "fuzz", &ScanOptions::default());
    });
});
