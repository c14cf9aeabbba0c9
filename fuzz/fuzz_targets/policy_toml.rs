//! Fuzz `diligence.toml`: any text gives a policy or a one-line `file:line:column` error, in
//! bounded time and heap.
#![no_main]

use diligence_fuzz::{Budget, Counting, bounded};
use diligence_policy::Policy;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

#[global_allocator]
static ALLOC: Counting = Counting;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    bounded(data.len(), Budget::TEXT, || {
        match Policy::parse(Path::new("diligence.toml"), text) {
            Ok(policy) => {
                let _ = policy.check_rule_ids(&["code/archive-anomaly", "lockfile/git-source"]);
                let _ = policy.fail_on(None);
            }
            Err(e) => assert!(!e.to_string().contains('\n'), "multi-line error: {e}"),
        }
    });
});
