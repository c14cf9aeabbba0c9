//! Fuzz OSV records (and Datadog manifests): any JSON must give advisories or an error, in
//! bounded time and heap; affected ranges are evaluated against a few versions.
#![no_main]

use diligence_advisory::{Advisory, osv::OsvRecord, range};
use diligence_fuzz::{Budget, Counting, bounded};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    bounded(data.len(), Budget::TEXT, || {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
            return;
        };
        if let Some(object) = value.as_object()
            && diligence_advisory::datadog::looks_like_manifest(object)
        {
            let _ = diligence_advisory::datadog::from_manifest(object, "fuzz.json");
        }
        let Ok(record) = serde_json::from_value::<OsvRecord>(value) else {
            return;
        };
        let advisory = Advisory::from_osv(&record, "FUZZ-1");
        let _ = advisory.ids();
        let _ = record.url();
        for package in &advisory.affected {
            for v in ["0.0.0", "1.2.3", "2.0.0-beta.1", "999.999.999"] {
                let _ = range::affects(package, v);
                let _ = range::lowest_fixed_above(package, v);
            }
        }
    });
});
