//! Fuzz the tarball unpacker: any bytes give files and anomalies (or a one-line error), with
//! npm's path rules upheld (no `..`, no empty or absolute paths, no duplicates), within the
//! limits, in time and heap bounded by the input size.
#![no_main]

use diligence_analyze::archive::{ArchiveLimits, unpack_tarball};
use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::time::Duration;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    // Small limits so the fuzzer reaches them; the ratio limit keeps bombs cheap.
    let limits = ArchiveLimits {
        max_total_bytes: 4 << 20,
        max_files: 200,
        max_file_bytes: 64 << 10,
        max_ratio: 200,
        max_entries: 2_000,
        max_unpacked_bytes: 3 << 19,
    };
    let budget = Budget {
        heap_base: 24 << 20,
        heap_per_byte: 256,
        cpu_base: Duration::from_secs(2),
        cpu_per_byte: Duration::from_millis(1),
    };
    bounded(data.len(), budget, || match unpack_tarball(data, &limits) {
        Err(e) => assert!(!e.contains('\n')),
        Ok(u) => {
            let mut seen = HashSet::new();
            for path in u.files.iter().map(|f| &f.path).chain(u.large.iter().map(|l| &l.path)) {
                assert!(!path.is_empty() && !path.starts_with('/'), "{path:?}");
                assert!(!path.split('/').any(|c| c.is_empty() || c == "." || c == ".."), "{path:?}");
                assert!(seen.insert(path.clone()), "duplicate {path:?}");
            }
            assert!(u.files.len() + u.large.len() <= limits.max_files);
            let kept: u64 = u.files.iter().map(|f| f.bytes.len() as u64).sum();
            assert!(kept <= limits.max_total_bytes);
            assert!(u.files.iter().all(|f| f.bytes.len() as u64 <= limits.max_file_bytes));
            assert!(u.anomalies.len() <= 202);
        }
    });
});
