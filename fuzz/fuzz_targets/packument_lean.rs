//! Fuzz the lean (abbreviated) packument reader used for integrity cross-checks.
#![no_main]

use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    bounded(data.len(), Budget::TEXT, || {
        if let Ok(p) = diligence_registry::lean::parse_dists(data) {
            for v in p.versions.keys().take(4) {
                let _ = p.version(v);
            }
        }
    });
});
