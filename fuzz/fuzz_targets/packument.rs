//! Fuzz full packuments: parsing and every metadata rule on up to four of its versions, in
//! bounded time and heap.
#![no_main]

use diligence_fuzz::{Budget, Counting, bounded};
use diligence_metadata::{MetadataPolicy, check_package};
use diligence_packument::Packument;
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, UNIX_EPOCH};

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    bounded(data.len(), Budget::TEXT, || {
        let Ok(packument) = Packument::from_slice(data) else {
            return;
        };
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let policy = MetadataPolicy::default();
        let mut versions: Vec<String> = packument.versions.keys().take(4).cloned().collect();
        versions.extend(packument.dist_tags.values().take(2).cloned());
        for v in versions {
            let _ = packument.published(&v);
            let _ = check_package(&packument, &v, now, &policy);
        }
    });
});
